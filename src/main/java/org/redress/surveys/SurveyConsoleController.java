package org.redress.surveys;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.signals.EventType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Surveys pages for leads, managers and admins, and the recovery survey card on the case page. */
@Controller
class SurveyConsoleController {

    private final SurveyDefinitions surveys;
    private final SurveyResults results;
    private final RecoverySurveys recoverySurveys;
    private final CaseCategories categories;

    SurveyConsoleController(SurveyDefinitions surveys, SurveyResults results, RecoverySurveys recoverySurveys,
                            CaseCategories categories) {
        this.surveys = surveys;
        this.results = results;
        this.recoverySurveys = recoverySurveys;
        this.categories = categories;
    }

    record Row(Survey survey, SurveyResults.Results results) {}

    @GetMapping("/surveys")
    String list(@AuthenticationPrincipal RedressUser me, Model model) {
        SurveyDefinitions.requireSupervisor(me, "see surveys");
        model.addAttribute("rows", surveys.all().stream().map(s -> new Row(s, results.of(s))).toList());
        model.addAttribute("recoverySatisfaction", results.satisfactionAfterRecovery());
        return form(model, null);
    }

    @GetMapping("/surveys/{id}")
    String survey(@PathVariable long id, @AuthenticationPrincipal RedressUser me, Model model) {
        SurveyDefinitions.requireSupervisor(me, "see surveys");
        Survey survey = surveys.get(id);
        model.addAttribute("row", new Row(survey, results.of(survey)));
        model.addAttribute("answers", results.answers(id, null, 100));
        return form(model, survey);
    }

    @PostMapping("/surveys")
    String create(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal RedressUser me,
                  RedirectAttributes redirect) {
        try {
            Survey saved = surveys.create(me, read(form));
            redirect.addFlashAttribute("done", "Created the survey " + saved.name() + ".");
            return "redirect:/surveys/" + saved.id();
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/surveys";
        }
    }

    @PostMapping("/surveys/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                  @AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        try {
            Survey saved = surveys.update(me, id, read(form));
            redirect.addFlashAttribute("done", "Saved the survey " + saved.name() + ".");
        } catch (InvalidInput | Conflict refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/cases/{case}/survey")
    String card(@PathVariable("case") String number, Model model) {
        return card(number, null, null, model);
    }

    @PostMapping("/cases/{case}/survey")
    String send(@PathVariable("case") String number, @AuthenticationPrincipal RedressUser me, Model model) {
        try {
            recoverySurveys.send(CaseManagement.idOf(number), me.actor());
            return card(number, "Sent. The answer will be recorded as the follow-up.", null, model);
        } catch (Conflict | NotFound | Forbidden refused) {
            return card(number, null, refused.getMessage(), model);
        }
    }

    private String card(String number, @Nullable String done, @Nullable String error, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("latest", results.latestOfCase(CaseManagement.idOf(number)));
        // Offered only when there is a recovery to ask about: delivered, and not followed up yet.
        model.addAttribute("available", surveys.recoverySurvey().isPresent()
            && recoverySurveys.askable(CaseManagement.idOf(number)));
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return "surveys/card :: survey";
    }

    private String form(Model model, @Nullable Survey editing) {
        model.addAttribute("section", "surveys");
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", SurveyKind.values());
        model.addAttribute("purposes", SurveyPurpose.values());
        model.addAttribute("eventTypes", EventType.values());
        model.addAttribute("categories", categories.active());
        return editing == null ? "surveys/list" : "surveys/survey";
    }

    private static SurveyDefinitions.Form read(MultiValueMap<String, String> form) {
        Map<String, String> one = form.toSingleValueMap();
        List<String> triggers = form.getOrDefault("triggerEvents", List.of());
        return new SurveyDefinitions.Form(one.get("name"), one.get("kind"), one.get("question"), one.get("commentPrompt"),
            one.get("purpose"), triggers, number("samplePercent", one.get("samplePercent")),
            number("quietDays", one.get("quietDays")), number("caseThreshold", one.get("caseThreshold")),
            one.get("category"), one.get("language"), one.containsKey("active"));
    }

    private static @Nullable Integer number(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a whole number");
        }
    }
}
