package org.redress.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
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
 * The Training pages: My training (what is due, quizzes, certifications, wins), Team training
 * for leads, a quiz to take and its marks, practice, and the scenario library with a scenario
 * to play move by move (each move posts the path so far; nothing is kept until the end).
 */
@Controller
class TrainingPageController {

    private final MyTraining mine;
    private final TeamTraining team;
    private final Quizzes quizzes;
    private final Scenarios scenarios;
    private final ScenarioEditing editing;

    TrainingPageController(MyTraining mine, TeamTraining team, Quizzes quizzes, Scenarios scenarios, ScenarioEditing editing) {
        this.mine = mine;
        this.team = team;
        this.quizzes = quizzes;
        this.scenarios = scenarios;
        this.editing = editing;
    }

    @GetMapping("/training")
    String mine(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "training");
        model.addAttribute("training", mine.of(me));
        model.addAttribute("scenarios", scenarios.list(me));
        return "training/mine";
    }

    @GetMapping("/training/team")
    String team(@AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "training");
        model.addAttribute("lines", team.of(me));
        return "training/team";
    }

    @GetMapping("/training/quizzes/{id}")
    String quiz(@PathVariable long id, Model model) {
        model.addAttribute("section", "training");
        model.addAttribute("quiz", quizzes.quiz(id));
        model.addAttribute("entered", Map.of());
        return "training/quiz";
    }

    @PostMapping("/training/quizzes/{id}")
    String take(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "training");
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("answer.")) {
                answers.put(name.substring("answer.".length()), value);
            }
        });
        try {
            model.addAttribute("result", quizzes.take(me, id, answers));
            return "training/result";
        } catch (InvalidInput refused) {
            model.addAttribute("error", "Answer every question: " + refused.errors().size() + " still "
                + (refused.errors().size() == 1 ? "has" : "have") + " no answer.");
            model.addAttribute("quiz", quizzes.quiz(id));
            model.addAttribute("entered", answers);
            return "training/quiz";
        }
    }

    @PostMapping("/training/practice/{item}")
    String practise(@PathVariable long item, @RequestParam(required = false) String answer, @AuthenticationPrincipal RedressUser me,
                    RedirectAttributes redirect) {
        try {
            Quizzes.Practised practised = quizzes.practise(me, item, answer);
            Quiz.Verdict verdict = practised.verdict();
            redirect.addFlashAttribute(verdict.correct() ? "done" : "error", (verdict.correct() ? "Right. " : "Not quite: "
                + String.join(" ", verdict.reasons()) + " ") + verdict.why());
        } catch (InvalidInput | Conflict | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/training";
    }

    @GetMapping("/training/scenarios/{id}")
    String scenario(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        return play(id, List.of(), me, model);
    }

    @PostMapping("/training/scenarios/{id}/play")
    String move(@PathVariable long id, @RequestParam(name = "path", required = false) List<String> path,
                @RequestParam(required = false) String choice, @RequestParam(required = false) String text,
                @AuthenticationPrincipal RedressUser me, Model model) {
        List<Play.Move> moves = new ArrayList<>();
        for (String step : path == null ? List.<String>of() : path) {
            moves.add(step.startsWith("w:") ? new Play.Move(null, step.substring(2)) : new Play.Move(FormFields.wholeNumber("choice", step), null));
        }
        try {
            if (text != null && !text.isBlank()) {
                moves.add(new Play.Move(null, text));
            } else if (choice != null) {
                moves.add(new Play.Move(FormFields.wholeNumber("choice", choice), null));
            } else {
                model.addAttribute("error", "Choose a move, or write one where you may.");
                return play(id, moves, me, model);
            }
            return play(id, moves, me, model);
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
            return play(id, moves.subList(0, Math.max(0, moves.size() - 1)), me, model);
        }
    }

    private String play(long id, List<Play.Move> moves, RedressUser me, Model model) {
        Scenarios.Scenario scenario = scenarios.one(me, id);
        model.addAttribute("section", "training");
        model.addAttribute("scenario", scenario);
        model.addAttribute("play", scenarios.play(me, id, moves));
        model.addAttribute("path", moves.stream().map(move -> move.text() != null ? "w:" + move.text() : String.valueOf(move.choice())).toList());
        return "training/play";
    }

    @PostMapping("/training/scenarios/from-case")
    String fromCase(@RequestParam(name = "case", required = false) String number, @AuthenticationPrincipal RedressUser me,
                    RedirectAttributes redirect) {
        try {
            Scenarios.Scenario made = scenarios.fromCase(me, CaseManagement.idOf(number == null ? "" : number.trim()));
            redirect.addFlashAttribute("done", "A draft is made, with the customer's personal data taken out. Read it, change what "
                + "still points to someone, and publish it.");
            return "redirect:/training/scenarios/" + made.id() + "/edit";
        } catch (InvalidInput | Conflict | Forbidden | NotFound refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/training";
        }
    }

    @GetMapping("/training/scenarios/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        model.addAttribute("section", "training");
        model.addAttribute("scenario", scenarios.one(me, id));
        return "training/edit";
    }

    @PostMapping("/training/scenarios/{id}/edit")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal RedressUser me, Model model,
                RedirectAttributes redirect) {
        try {
            editing.save(me, id, form);
            if (form.containsKey("publish")) {
                scenarios.publish(me, id);
                redirect.addFlashAttribute("done", "Published: everyone can play it now.");
                return "redirect:/training/scenarios/" + id;
            }
            redirect.addFlashAttribute("done", "Saved.");
            return "redirect:/training/scenarios/" + id + "/edit";
        } catch (InvalidInput | Conflict refused) {
            model.addAttribute("section", "training");
            model.addAttribute("error", "Nothing was saved: " + refused.getMessage());
            model.addAttribute("scenario", scenarios.one(me, id));
            return "training/edit";
        }
    }
}
