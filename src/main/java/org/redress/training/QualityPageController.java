package org.redress.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Quality pages: reviews of one's own work (agents), reviews and calibration sessions
 * (leads, managers, admins), the review form pre-filled from the case, and a session's scores.
 */
@Controller
class QualityPageController {

    private final QualityReviews reviews;
    private final ReviewAnswers answers;
    private final Calibrations calibrations;
    private final UserManagement users;

    QualityPageController(QualityReviews reviews, ReviewAnswers answers, Calibrations calibrations, UserManagement users) {
        this.reviews = reviews;
        this.answers = answers;
        this.calibrations = calibrations;
        this.users = users;
    }

    @GetMapping("/quality")
    String list(@RequestParam(required = false) @Nullable String agent, @RequestParam(required = false) @Nullable String state,
                @AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "quality");
        try {
            model.addAttribute("reviews", reviews.list(me, FormFields.choice("agent", agent), state, 200));
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("reviews", reviews.list(me, null, null, 200));
        }
        model.addAttribute("agent", agent);
        model.addAttribute("state", state);
        model.addAttribute("people", me.supervises()
            ? users.users().stream().filter(user -> user.active() && user.role().person()).toList() : List.of());
        model.addAttribute("calibrations", me.supervises() ? calibrations.list(me, 20) : List.of());
        return "quality/list";
    }

    @GetMapping("/quality/review")
    String form(@RequestParam(name = "case", required = false) @Nullable String number, @AuthenticationPrincipal RedressUser me,
                Model model, RedirectAttributes redirect) {
        try {
            return form(reviews.draft(me, CaseManagement.idOf(number == null ? "" : number.trim())), "/quality/reviews", Map.of(), me, model);
        } catch (InvalidInput | Forbidden | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/quality";
        }
    }

    @PostMapping("/quality/reviews")
    String submit(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                  RedirectAttributes redirect) {
        long caseId = CaseManagement.idOf(form.getOrDefault("case", ""));
        try {
            QualityReview review = reviews.submit(me, caseId, FormFields.choice("agentId", form.get("agentId")), given(form),
                form.get("comment"));
            redirect.addFlashAttribute("done", "Review sent to " + review.agentName() + ": " + score(review.score()) + ".");
            return "redirect:/quality/reviews/" + review.id();
        } catch (InvalidInput | Conflict refused) {
            model.addAttribute("error", refused.getMessage());
            return form(reviews.draft(me, caseId), "/quality/reviews", form, me, model);
        }
    }

    @GetMapping("/quality/reviews/{id}")
    String review(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        QualityReview review = reviews.one(me, id);
        model.addAttribute("section", "quality");
        model.addAttribute("review", review);
        model.addAttribute("mayAnswer", answers.mayAnswer(me, review));
        return "quality/review";
    }

    @PostMapping("/quality/reviews/{id}/{answer:acknowledge|dispute}")
    String answer(@PathVariable long id, @PathVariable String answer, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        attempt(redirect, () -> {
            if ("acknowledge".equals(answer)) {
                answers.acknowledge(me, id, form.get("note"));
                return "Acknowledged.";
            }
            answers.dispute(me, id, form.get("reason"));
            return "Disputed: " + reviews.one(me, id).reviewerName() + " is told.";
        });
        return "redirect:/quality/reviews/" + id;
    }

    @PostMapping("/quality/calibrations")
    String open(@RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            Calibration session = calibrations.open(me, CaseManagement.idOf(form.getOrDefault("case", "").trim()), form.get("note"));
            return "redirect:/quality/calibrations/" + session.id();
        } catch (InvalidInput | Forbidden | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/quality";
        }
    }

    @GetMapping("/quality/calibrations/{id}")
    String calibration(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        Calibration session = calibrations.show(me, id);
        model.addAttribute("calibration", session);
        if (!session.youScored()) {
            return form(calibrations.draft(me, id), "/quality/calibrations/" + id + "/scores", Map.of(), me, model);
        }
        model.addAttribute("section", "quality");
        return "quality/calibration";
    }

    @PostMapping("/quality/calibrations/{id}/scores")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                 RedirectAttributes redirect) {
        try {
            calibrations.score(me, id, FormFields.choice("agentId", form.get("agentId")), given(form), form.get("comment"));
            redirect.addFlashAttribute("done", "Your score is in: here is everyone's.");
            return "redirect:/quality/calibrations/" + id;
        } catch (InvalidInput | Conflict refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("calibration", calibrations.show(me, id));
            return form(calibrations.draft(me, id), "/quality/calibrations/" + id + "/scores", form, me, model);
        }
    }

    private String form(ReviewDraft draft, String action, Map<String, String> entered, RedressUser me, Model model) {
        model.addAttribute("section", "quality");
        model.addAttribute("draft", draft);
        model.addAttribute("action", action);
        model.addAttribute("entered", entered);
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("people", users.users().stream().filter(user -> user.active() && user.role().person() && user.id() != me.id())
            .toList());
        return "quality/form";
    }

    // The form sends rating.CODE and note.CODE for each item.
    private static Map<String, QualityReviews.Given> given(Map<String, String> form) {
        Map<String, QualityReviews.Given> given = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("rating.")) {
                String code = name.substring("rating.".length());
                given.put(code, new QualityReviews.Given(value, form.get("note." + code)));
            }
        });
        return given;
    }

    private static String score(@Nullable Double score) {
        return score == null ? "no item applied" : score + "%";
    }

    private static void attempt(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInput | Conflict | Forbidden | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
    }
}
