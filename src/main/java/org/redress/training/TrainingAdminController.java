package org.redress.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.Role;
import org.redress.remedies.AuthorityRaises;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What managers and admins set up for training in the console: certification rules (the quiz,
 * the reviews, the authority they raise), new quizzes (up to {@value #QUESTIONS} questions a
 * form), and new scenarios started from the playbook's template, whose words they then write.
 */
@Controller
class TrainingAdminController {

    static final int QUESTIONS = 6;

    private final Quizzes quizzes;
    private final Certifications certifications;
    private final Scenarios scenarios;
    private final AuthorityRaises raises;

    TrainingAdminController(Quizzes quizzes, Certifications certifications, Scenarios scenarios, AuthorityRaises raises) {
        this.quizzes = quizzes;
        this.certifications = certifications;
        this.scenarios = scenarios;
        this.raises = raises;
    }

    @GetMapping("/training/manage")
    String page(@AuthenticationPrincipal RedressUser me, Model model) {
        return page(me, model, null, Map.of());
    }

    @PostMapping("/training/manage/certifications")
    String certification(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                         RedirectAttributes redirect) {
        try {
            Certifications.Certification saved = certifications.define(me, form.get("code"), new Certifications.Request(form.get("name"),
                form.get("quiz"), FormFields.wholeNumber("minReviews", form.get("minReviews")),
                FormFields.wholeNumber("minReviewScore", form.get("minReviewScore")), FormFields.wholeNumber("validDays", form.get("validDays")),
                form.get("remedyType"), form.get("perCase"), form.get("perMonth"), !"no".equals(form.get("active"))));
            redirect.addFlashAttribute("done", "Saved " + saved.name() + ": " + saved.authority() + ".");
            return "redirect:/training/manage";
        } catch (InvalidInput refused) {
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            return page(me, model, "certification", form);
        }
    }

    @PostMapping("/training/manage/quizzes")
    String quiz(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model, RedirectAttributes redirect) {
        try {
            Quiz quiz = quizzes.define(me, form.get("code"), form.get("title"), form.get("description"),
                FormFields.wholeNumber("passPercent", form.get("passPercent")), questions(form));
            redirect.addFlashAttribute("done", "The quiz " + quiz.title() + " is ready, with " + quiz.items().size() + " questions.");
            return "redirect:/training/manage";
        } catch (InvalidInput | Conflict refused) {
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            return page(me, model, "quiz", form);
        }
    }

    @PostMapping("/training/manage/scenarios")
    String scenario(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                    RedirectAttributes redirect) {
        try {
            Scenarios.Scenario draft = scenarios.write(me, new Scenarios.Request(form.get("title"), form.get("summary"),
                PlaybookTemplate.script()));
            redirect.addFlashAttribute("done", "A draft on the playbook's shape: write what the customer says and each move, then publish.");
            return "redirect:/training/scenarios/" + draft.id() + "/edit";
        } catch (InvalidInput refused) {
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            return page(me, model, "scenario", form);
        }
    }

    private String page(RedressUser me, Model model, @Nullable String failed, Map<String, String> entered) {
        if (me.role() != Role.MANAGER && me.role() != Role.ADMIN) {
            throw new Forbidden("Managers and admins set up training.");
        }
        model.addAttribute("section", "training");
        model.addAttribute("certifications", certifications.list());
        model.addAttribute("quizzes", quizzes.list(me));
        model.addAttribute("types", raises.remedyTypes());
        model.addAttribute("kinds", Quiz.Kind.values());
        model.addAttribute("topics", Quiz.Topic.values());
        model.addAttribute("needs", AnswerCheck.Need.values());
        model.addAttribute("questions", QUESTIONS);
        model.addAttribute("failed", failed);
        model.addAttribute("entered", entered);
        model.addAttribute("none", Map.of());
        return "training/manage";
    }

    // Question n of the form: q.n.prompt, q.n.kind, q.n.topic, q.n.choices (one a line), q.n.correct (1-based), q.n.need.X, q.n.why.
    // A question left without a prompt is not one.
    private static List<Quizzes.ItemRequest> questions(Map<String, String> form) {
        List<Quizzes.ItemRequest> items = new ArrayList<>();
        for (int n = 1; n <= QUESTIONS; n++) {
            String at = "q." + n + ".";
            String prompt = form.get(at + "prompt");
            if (prompt == null || prompt.isBlank()) {
                continue;
            }
            String choices = form.getOrDefault(at + "choices", "");
            Integer correct = FormFields.wholeNumber("items[" + items.size() + "].correct", form.get(at + "correct"));
            List<String> needs = Arrays.stream(AnswerCheck.Need.values()).map(Enum::name).filter(need -> form.containsKey(at + "need." + need))
                .toList();
            items.add(new Quizzes.ItemRequest(form.get(at + "kind"), form.get(at + "topic"), prompt,
                choices.isBlank() ? null : choices.lines().map(String::trim).filter(line -> !line.isEmpty()).toList(),
                correct == null ? null : correct - 1, needs, form.get(at + "why")));
        }
        return items;
    }
}
