package org.redress.surveys;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.redress.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Surveys", description = "CSAT, NPS and free-text surveys after business events and recoveries; low scores open cases.")
class SurveyApiController {

    private final SurveyDefinitions surveys;
    private final SurveyResults results;
    private final RecoverySurveys recoverySurveys;

    SurveyApiController(SurveyDefinitions surveys, SurveyResults results, RecoverySurveys recoverySurveys) {
        this.surveys = surveys;
        this.results = results;
        this.recoverySurveys = recoverySurveys;
    }

    @Schema(name = "SurveyWithResults", description = "A survey and its figures.")
    record SurveyView(@Schema(description = "The survey.") Survey survey,
                      @Schema(description = "Its figures.") SurveyResults.Results results) {}

    @Schema(name = "SurveyAnswerPage", description = "Answers, newest first.")
    record AnswerPage(@Schema(description = "The answers.") List<SurveyResults.Answer> items,
                      @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/surveys")
    @Operation(summary = "List surveys", description = "Every survey with its figures; for leads, managers and admins.")
    List<SurveyView> list(@AuthenticationPrincipal RedressUser me) {
        SurveyDefinitions.requireSupervisor(me, "see survey results");
        return surveys.all().stream().map(s -> new SurveyView(s, results.of(s))).toList();
    }

    @GetMapping("/api/v1/surveys/{id}")
    @Operation(summary = "A survey and its figures")
    SurveyView get(@AuthenticationPrincipal RedressUser me, @Parameter(description = "Survey id.") @PathVariable long id) {
        SurveyDefinitions.requireSupervisor(me, "see survey results");
        Survey survey = surveys.get(id);
        return new SurveyView(survey, results.of(survey));
    }

    @PostMapping("/api/v1/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a survey", description = "AFTER_EVENTS surveys invite after the trigger events (sampled, quiet "
        + "period per customer); a RECOVERY survey is sent when a recovered case's follow-up falls due.")
    Survey create(@AuthenticationPrincipal RedressUser me, @RequestBody SurveyDefinitions.Form form) {
        return surveys.create(me, form);
    }

    @PutMapping("/api/v1/surveys/{id}")
    @Operation(summary = "Change a survey", description = "Replaces every field; set active to false to stop sending it.")
    Survey update(@AuthenticationPrincipal RedressUser me, @Parameter(description = "Survey id.") @PathVariable long id,
                  @RequestBody SurveyDefinitions.Form form) {
        return surveys.update(me, id, form);
    }

    @GetMapping("/api/v1/surveys/{id}/answers")
    @Operation(summary = "A survey's answers", description = "Newest first, with the cases they opened.")
    AnswerPage answers(@AuthenticationPrincipal RedressUser me, @Parameter(description = "Survey id.") @PathVariable long id,
                       @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                       @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit) {
        SurveyDefinitions.requireSupervisor(me, "see survey results");
        Paging.limit(limit, 200);
        Long before = Paging.position(cursor);
        surveys.get(id);
        Paging.Page<SurveyResults.Answer> page = Paging.of(results.answers(id, before, limit + 1), limit, SurveyResults.Answer::id);
        return new AnswerPage(page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/cases/{case}/recovery-survey")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the recovery survey", description = "Asks the case's customer, by email, how well we put it right; "
        + "the answer becomes the case's follow-up. 409 when there is no active recovery survey or no email address.")
    void sendRecoverySurvey(@Parameter(description = "Case number or id.", example = "RC-000123") @PathVariable("case") String number,
                            @AuthenticationPrincipal RedressUser me) {
        recoverySurveys.send(CaseManagement.idOf(number), me.actor());
    }
}
