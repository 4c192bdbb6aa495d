package org.redress.training;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Training", description = "Quizzes with spaced practice, scenarios to play, certifications that raise remedy authority, "
    + "and each person's and team's progress.")
class TrainingApiController {

    private final MyTraining mine;
    private final TeamTraining team;
    private final Quizzes quizzes;
    private final Certifications certifications;
    private final Scenarios scenarios;

    TrainingApiController(MyTraining mine, TeamTraining team, Quizzes quizzes, Certifications certifications, Scenarios scenarios) {
        this.mine = mine;
        this.team = team;
        this.quizzes = quizzes;
        this.certifications = certifications;
        this.scenarios = scenarios;
    }

    @GetMapping("/api/v1/training/me")
    @Operation(summary = "My training", description = "What is due for practice, quiz scores, certifications and progress towards "
        + "them, how my reviewed cases do on each playbook step, and my wins of the last 90 days.")
    MyTraining.Overview me(@AuthenticationPrincipal RedressUser me) {
        return mine.of(me);
    }

    @GetMapping("/api/v1/training/team")
    @Operation(summary = "Team training", description = "For leads (their team), managers and admins (everyone): each person's "
        + "progress and weakest playbook step; those with the fewest reviews first.")
    List<TeamTraining.Line> team(@AuthenticationPrincipal RedressUser me) {
        return team.of(me);
    }

    @GetMapping("/api/v1/training/quizzes")
    @Operation(summary = "Quizzes", description = "With the reader's best score on each.")
    List<Quizzes.Summary> quizzes(@AuthenticationPrincipal RedressUser me) {
        return quizzes.list(me);
    }

    @Schema(name = "QuizDefinition", description = "A new quiz.")
    record QuizRequest(@Schema(description = "A code of its own, e.g. FIRST_ANSWER.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String code,
                       @Schema(description = "Title.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String title,
                       @Schema(description = "What it practises.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String description,
                       @Schema(description = "Percentage right that passes, 1–100.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer passPercent,
                       @Schema(description = "1–30 questions.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<Quizzes.ItemRequest> items) {}

    @PostMapping("/api/v1/training/quizzes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a quiz", description = "Managers and admins. Refused field by field (items[1].correct); nothing is "
        + "stored when anything is wrong.")
    Quiz define(@RequestBody QuizRequest body, @AuthenticationPrincipal RedressUser me) {
        return quizzes.define(me, body.code(), body.title(), body.description(), body.passPercent(), body.items());
    }

    @GetMapping("/api/v1/training/quizzes/{id}")
    @Operation(summary = "A quiz, to take", description = "The questions without their answers.")
    Quiz quiz(@Parameter(description = "Quiz id.") @PathVariable long id) {
        return quizzes.quiz(id);
    }

    @Schema(name = "QuizAttemptRequest", description = "Answers to every question of a quiz.")
    record AttemptRequest(@Schema(description = "By question id: the index of the choice (\"2\") or the written words.",
                              requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Map<String, String> answers) {}

    @PostMapping("/api/v1/training/quizzes/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take a quiz", description = "Every question must be answered (a missing one is refused as "
        + "answers.{id}). Choices are right or wrong; written words are marked by the tone coach (blame, policy, excuses, shouting "
        + "are wrong) and the question's needs (apology, our part owned, a date). Missed questions come back for practice; a pass "
        + "may complete a certification.")
    Quizzes.Result take(@Parameter(description = "Quiz id.") @PathVariable long id, @RequestBody AttemptRequest body,
                        @AuthenticationPrincipal RedressUser me) {
        return quizzes.take(me, id, body.answers());
    }

    @GetMapping("/api/v1/training/practice")
    @Operation(summary = "Practice due", description = "Missed questions due again, by the SM-2 spaced-repetition schedule.")
    List<Quizzes.Practice> practice(@AuthenticationPrincipal RedressUser me) {
        return quizzes.due(me);
    }

    @Schema(name = "PracticeAnswer", description = "An answer to one practice question.")
    record PracticeRequest(@Schema(description = "The index of the choice, or the written words.", requiredMode = Schema.RequiredMode.REQUIRED)
                           @Nullable String answer) {}

    @PostMapping("/api/v1/training/practice/{item}")
    @Operation(summary = "Practise a question", description = "Marked like a quiz answer; right, it comes back later (1, 6, then "
        + "more days); wrong, tomorrow.")
    Quizzes.Practised practise(@Parameter(description = "Question id.") @PathVariable long item, @RequestBody PracticeRequest body,
                               @AuthenticationPrincipal RedressUser me) {
        return quizzes.practise(me, item, body.answer());
    }

    @GetMapping("/api/v1/training/certifications")
    @Operation(summary = "Certifications", description = "What earns each, and the remedy authority it gives while it lasts.")
    List<Certifications.Certification> certifications() {
        return certifications.list();
    }

    @PutMapping("/api/v1/training/certifications/{code}")
    @Operation(summary = "Set a certification", description = "Managers and admins: a new code creates one, a known code changes "
        + "the rule (certificates held keep their end). Audited.")
    Certifications.Certification certification(@Parameter(description = "Code.") @PathVariable String code,
                                                @RequestBody Certifications.Request body, @AuthenticationPrincipal RedressUser me) {
        return certifications.define(me, code, body);
    }

    @GetMapping("/api/v1/training/scenarios")
    @Operation(summary = "Scenarios", description = "Published ones; drafts too for leads, managers and admins.")
    List<Scenarios.Scenario> scenarios(@AuthenticationPrincipal RedressUser me) {
        return scenarios.list(me);
    }

    @PostMapping("/api/v1/training/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a scenario", description = "Managers and admins; a draft until published. Each move leads to a node "
        + "further down the list; every node with moves marks a better one; every move says why.")
    Scenarios.Scenario write(@RequestBody Scenarios.Request body, @AuthenticationPrincipal RedressUser me) {
        return scenarios.write(me, body);
    }

    @Schema(name = "ScenarioFromCaseRequest", description = "The resolved case to make a scenario from.")
    record FromCaseRequest(@Schema(description = "Case number or id.", requiredMode = Schema.RequiredMode.REQUIRED, example = "RC-000123")
                           @Nullable String caseNumber) {}

    @PostMapping("/api/v1/training/scenarios/from-case")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a scenario from a resolved case", description = "Leads, managers and admins who may open the case. "
        + "Names, emails, phone numbers, links, case and order numbers are taken out; a draft for a lead to read and publish.")
    Scenarios.Scenario fromCase(@RequestBody FromCaseRequest body, @AuthenticationPrincipal RedressUser me) {
        return scenarios.fromCase(me, CaseManagement.idOf(body.caseNumber() == null ? "" : body.caseNumber().trim()));
    }

    @GetMapping("/api/v1/training/scenarios/{id}")
    @Operation(summary = "A scenario")
    Scenarios.Scenario scenario(@Parameter(description = "Scenario id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return scenarios.one(me, id);
    }

    @PutMapping("/api/v1/training/scenarios/{id}")
    @Operation(summary = "Edit a draft scenario", description = "Leads, managers and admins; a published one is not changed.")
    Scenarios.Scenario edit(@Parameter(description = "Scenario id.") @PathVariable long id, @RequestBody Scenarios.Request body,
                            @AuthenticationPrincipal RedressUser me) {
        return scenarios.edit(me, id, body);
    }

    @PostMapping("/api/v1/training/scenarios/{id}/publish")
    @Operation(summary = "Publish a draft scenario", description = "After reading it: leads, managers and admins. Audited.")
    Scenarios.Scenario publish(@Parameter(description = "Scenario id.") @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return scenarios.publish(me, id);
    }

    @Schema(name = "ScenarioPlayRequest", description = "Moves from the start of the scenario.")
    record PlayRequest(@Schema(description = "Each move in turn.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<Play.Move> moves) {}

    @PostMapping("/api/v1/training/scenarios/{id}/plays")
    @Operation(summary = "Play a scenario", description = "The moves so far, from its start: each marked, and the node reached. "
        + "Send the moves again with one more to go on; a play that reaches an end is kept.")
    Play play(@Parameter(description = "Scenario id.") @PathVariable long id, @RequestBody PlayRequest body,
              @AuthenticationPrincipal RedressUser me) {
        return scenarios.play(me, id, body.moves());
    }
}
