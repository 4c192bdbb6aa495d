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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Quality", description = "Reviews of real cases on the playbook's scorecard, the agent's answer, and calibration sessions.")
class QualityApiController {

    private static final String CASE = "Case number (`RC-000123`) or id.";
    private static final String REVIEW = "Review id.";
    private static final String SESSION = "Calibration session id.";

    private final QualityReviews reviews;
    private final ReviewAnswers answers;
    private final Calibrations calibrations;
    private final Scorecards scorecards;

    QualityApiController(QualityReviews reviews, ReviewAnswers answers, Calibrations calibrations, Scorecards scorecards) {
        this.reviews = reviews;
        this.answers = answers;
        this.calibrations = calibrations;
        this.scorecards = scorecards;
    }

    @GetMapping("/api/v1/quality/scorecard")
    @Operation(summary = "The current scorecard")
    Scorecard scorecard() {
        return scorecards.current();
    }

    @GetMapping("/api/v1/quality/scorecards/{version}")
    @Operation(summary = "A scorecard version", description = "Every review keeps the version it was scored on.")
    Scorecard scorecard(@Parameter(description = "Version.") @PathVariable int version) {
        return scorecards.version(version);
    }

    @Schema(name = "ScorecardRequest", description = "The items of a new scorecard version, in order.")
    record ScorecardRequest(@Schema(description = "1–20 items; codes unique.", requiredMode = Schema.RequiredMode.REQUIRED)
                            @Nullable List<ScorecardItem> items) {}

    @PostMapping("/api/v1/quality/scorecards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new scorecard version", description = "By a manager or admin. Reviews made before keep their version.")
    Scorecard publish(@RequestBody ScorecardRequest body, @AuthenticationPrincipal RedressUser me) {
        return scorecards.publish(me, body.items());
    }

    @GetMapping("/api/v1/cases/{case}/review-draft")
    @Operation(summary = "Start a review of a case", description = "The current scorecard with the ratings the case's record "
        + "suggests (its time targets, steps, promises, and the tone coach on the apology and explanation), and why. "
        + "For leads, managers and admins who may open the case.")
    ReviewDraft draft(@Parameter(description = CASE) @PathVariable("case") String number, @AuthenticationPrincipal RedressUser me) {
        return reviews.draft(me, CaseManagement.idOf(number));
    }

    @Schema(name = "ItemRatingRequest", description = "A rating for one scorecard item.")
    record GivenRequest(@Schema(description = "met, partly, missed or not-applicable; left out: the suggestion.") @Nullable String rating,
                        @Schema(description = "Why, for the agent.") @Nullable String note) {}

    @Schema(name = "ReviewRequest", description = "A review of an agent's work on a case.")
    record ReviewRequest(@Schema(description = "The case: number or id.", example = "RC-000123",
                                 requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String caseNumber,
                         @Schema(description = "Whose work (user id); default: the person the case is assigned to.") @Nullable Long agentId,
                         @Schema(description = "Ratings by item code; an item left out takes the suggested rating.") @Nullable Map<String, GivenRequest> ratings,
                         @Schema(description = "A comment to the agent.") @Nullable String comment) {}

    @PostMapping("/api/v1/quality/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a case", description = "Scored on the current scorecard; the agent is alerted and may acknowledge "
        + "or dispute it within the answer window (redress.training.answer-days, 7 by default). Nobody reviews their own work.")
    QualityReview submit(@RequestBody ReviewRequest body, @AuthenticationPrincipal RedressUser me) {
        return reviews.submit(me, caseId(body.caseNumber()), body.agentId(), given(body.ratings()), body.comment());
    }

    @GetMapping("/api/v1/quality/reviews")
    @Operation(summary = "List reviews", description = "Agents: reviews of their own work. Leads, managers and admins: reviews of "
        + "cases they may open. Newest first.")
    List<QualityReview> list(@Parameter(description = "Only this agent's (user id).") @RequestParam(required = false) @Nullable Long agent,
                             @Parameter(description = "submitted, acknowledged, disputed or calibration.") @RequestParam(required = false) @Nullable String state,
                             @Parameter(description = "At most this many, 1–500.") @RequestParam(defaultValue = "100") int limit,
                             @AuthenticationPrincipal RedressUser me) {
        return reviews.list(me, agent, state, limit);
    }

    @GetMapping("/api/v1/quality/reviews/{id}")
    @Operation(summary = "A review")
    QualityReview one(@Parameter(description = REVIEW) @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return reviews.one(me, id);
    }

    @Schema(name = "ReviewAcknowledgement", description = "The agent takes the review on board.")
    record AcknowledgeRequest(@Schema(description = "A note to the reviewer.") @Nullable String note) {}

    @PostMapping("/api/v1/quality/reviews/{id}/acknowledge")
    @Operation(summary = "Acknowledge a review of your work", description = "Once, within the answer window; 409 after.")
    QualityReview acknowledge(@Parameter(description = REVIEW) @PathVariable long id,
                              @RequestBody(required = false) @Nullable AcknowledgeRequest body, @AuthenticationPrincipal RedressUser me) {
        return answers.acknowledge(me, id, body == null ? null : body.note());
    }

    @Schema(name = "ReviewDispute", description = "The agent disagrees with the review.")
    record DisputeRequest(@Schema(description = "Why.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason) {}

    @PostMapping("/api/v1/quality/reviews/{id}/dispute")
    @Operation(summary = "Dispute a review of your work", description = "Once, within the answer window, saying why; the reviewer is alerted.")
    QualityReview dispute(@Parameter(description = REVIEW) @PathVariable long id, @RequestBody DisputeRequest body,
                          @AuthenticationPrincipal RedressUser me) {
        return answers.dispute(me, id, body.reason());
    }

    @Schema(name = "CalibrationRequest", description = "A calibration session on a case.")
    record CalibrationRequest(@Schema(description = "The case: number or id.", requiredMode = Schema.RequiredMode.REQUIRED)
                              @Nullable String caseNumber,
                              @Schema(description = "What the session is for.") @Nullable String note) {}

    @PostMapping("/api/v1/quality/calibrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a calibration session", description = "Leads, managers and admins then each score the case once.")
    Calibration open(@RequestBody CalibrationRequest body, @AuthenticationPrincipal RedressUser me) {
        return calibrations.open(me, caseId(body.caseNumber()), body.note());
    }

    @GetMapping("/api/v1/quality/calibrations")
    @Operation(summary = "List calibration sessions", description = "On cases you may open, newest first.")
    List<Calibration> calibrations(@Parameter(description = "At most this many, 1–200.") @RequestParam(defaultValue = "50") int limit,
                                   @AuthenticationPrincipal RedressUser me) {
        return calibrations.list(me, limit);
    }

    @GetMapping("/api/v1/quality/calibrations/{id}")
    @Operation(summary = "A calibration session", description = "The scores and how far they disagree, once you have scored.")
    Calibration calibration(@Parameter(description = SESSION) @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return calibrations.show(me, id);
    }

    @Schema(name = "CalibrationScore", description = "Your score of the session's case.")
    record ScoreRequest(@Schema(description = "Whose work (user id); default: the person the case is assigned to.") @Nullable Long agentId,
                        @Schema(description = "Ratings by item code; an item left out takes the suggested rating.") @Nullable Map<String, GivenRequest> ratings,
                        @Schema(description = "A comment.") @Nullable String comment) {}

    @PostMapping("/api/v1/quality/calibrations/{id}/scores")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Score the session's case", description = "Once per reviewer; 409 the second time.")
    QualityReview score(@Parameter(description = SESSION) @PathVariable long id, @RequestBody ScoreRequest body,
                        @AuthenticationPrincipal RedressUser me) {
        return calibrations.score(me, id, body.agentId(), given(body.ratings()), body.comment());
    }

    private static long caseId(@Nullable String number) {
        if (number == null || number.isBlank()) {
            throw org.redress.shared.InvalidInput.field("caseNumber", "is required, e.g. RC-000123");
        }
        return CaseManagement.idOf(number.trim());
    }

    private static @Nullable Map<String, QualityReviews.Given> given(@Nullable Map<String, GivenRequest> ratings) {
        if (ratings == null) {
            return null;
        }
        Map<String, QualityReviews.Given> given = new java.util.LinkedHashMap<>();
        ratings.forEach((code, one) -> given.put(code, one == null ? new QualityReviews.Given(null, null)
            : new QualityReviews.Given(one.rating(), one.note())));
        return given;
    }
}
