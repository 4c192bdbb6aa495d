package org.redress.cases;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cases and their playbook. Each step is a POST action on the case; the response is the
 * case as it now stands, with its next step.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Recovery cases and the playbook steps.")
class CaseApiController {

    private static final String CASE = "Case number (`RC-000123`) or id (`123`).";

    private final CaseManagement cases;
    private final CaseSearch search;

    CaseApiController(CaseManagement cases, CaseSearch search) {
        this.cases = cases;
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "List cases", description = "Newest first, with filters; keyset pagination through `cursor`. "
        + "Only the cases you may open: agents, leads and managers see their team's cases, the shared inbox (no team) "
        + "and cases assigned to them; admins (and leads or managers without a team) every case.")
    CasePage list(
            @Parameter(description = "new, in-progress, resolution-agreed, fulfilled or closed.") @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "Only cases assigned to this user id.") @RequestParam(required = false) @Nullable Long assignee,
            @Parameter(description = "Only cases without an assignee.") @RequestParam(defaultValue = "false") boolean unassigned,
            @Parameter(description = "Only cases of this customer id.") @RequestParam(required = false) @Nullable Long customer,
            @Parameter(description = "Only cases in this category code.") @RequestParam(required = false) @Nullable String category,
            @Parameter(description = "Only cases in this team's queue.") @RequestParam(required = false) @Nullable Long team,
            @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal RedressUser user) {
        return search.page(new CaseSearch.Filter(status, assignee, unassigned, customer, category, team), CaseScope.of(user),
            cursor, limit);
    }

    @GetMapping("/{case}")
    @Operation(summary = "Get a case", description = "The case with its steps and its guided next step.")
    @ApiResponse(responseCode = "404", description = "No such case.")
    CaseView get(@Parameter(description = CASE) @PathVariable("case") String number) {
        return cases.view(CaseManagement.idOf(number));
    }

    @GetMapping("/{case}/timeline")
    @Operation(summary = "Timeline of a case", description = "Everything that happened on the case, oldest first, with who and when.")
    List<TimelineEntry> timeline(@Parameter(description = CASE) @PathVariable("case") String number) {
        return cases.timeline(CaseManagement.idOf(number));
    }

    @GetMapping("/{case}/messages")
    @Operation(summary = "Messages of a case", description = "Messages both ways, oldest first: INBOUND ones are the "
        + "customer's own words (the complaint and what they wrote since), OUTBOUND ones what we wrote to them.")
    List<CaseMessage> messages(@Parameter(description = CASE) @PathVariable("case") String number) {
        return cases.messages(CaseManagement.idOf(number));
    }

    // ---- the playbook -------------------------------------------------------------------

    @Schema(description = "Acknowledge the complaint.")
    record AcknowledgeRequest(@Schema(description = "The first answer given to the customer, if recorded here.") @Nullable String message) {}

    @PostMapping("/{case}/acknowledge")
    @Operation(summary = "1. Acknowledge", description = "Record the first answer to the customer. Done once.")
    CaseView acknowledge(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody(required = false) @Nullable AcknowledgeRequest body,
                         @AuthenticationPrincipal RedressUser user) {
        return cases.acknowledge(CaseManagement.idOf(number), user.actor(), body == null ? null : body.message());
    }

    @Schema(description = "Record the customer's account.")
    record ListenRequest(@Schema(description = "The customer's full account and the answers to clarifying questions.",
        requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String account) {}

    @PostMapping("/{case}/listen")
    @Operation(summary = "2. Listen", description = "Record the customer's account in full. May be refined later.")
    CaseView listen(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ListenRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.listen(CaseManagement.idOf(number), user.actor(), body.account());
    }

    @Schema(description = "Record the apology.")
    record ApologizeRequest(@Schema(description = "The apology given, one-to-one.", requiredMode = Schema.RequiredMode.REQUIRED)
                            @Nullable String apology) {}

    @PostMapping("/{case}/apologize")
    @Operation(summary = "3. Apologize", description = "Record a sincere, personal apology. Needs: acknowledge.")
    CaseView apologize(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ApologizeRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.apologize(CaseManagement.idOf(number), user.actor(), body.apology());
    }

    @Schema(description = "Record the root cause.")
    record IdentifyCauseRequest(
        @Schema(description = "A root-cause code from GET /api/v1/taxonomy/root-causes.", example = "carrier-delay",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String rootCause,
        @Schema(description = "Our part: ours, partly-ours or not-ours.", example = "ours",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String responsibility,
        @Schema(description = "What we found.") @Nullable String note) {}

    @PostMapping("/{case}/identify-cause")
    @Operation(summary = "4. Identify the cause", description = "Record the root cause and whose part it was. Needs: listen.")
    CaseView identifyCause(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody IdentifyCauseRequest body,
                           @AuthenticationPrincipal RedressUser user) {
        return cases.identifyCause(CaseManagement.idOf(number), user.actor(), body.rootCause(), body.responsibility(), body.note());
    }

    @Schema(description = "Record the explanation.")
    record ExplainRequest(@Schema(description = "What we told the customer went wrong.", requiredMode = Schema.RequiredMode.REQUIRED)
                          @Nullable String explanation) {}

    @PostMapping("/{case}/explain")
    @Operation(summary = "5. Explain", description = "Record the fair, transparent explanation. Needs: identify the cause.")
    CaseView explain(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ExplainRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.explain(CaseManagement.idOf(number), user.actor(), body.explanation());
    }

    @Schema(description = "Record the agreed resolution.")
    record ResolveRequest(
        @Schema(description = "The remedy agreed with the customer, in words.", example = "Full refund of the order and free delivery next time",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String resolution,
        @Schema(description = "The date we promised to deliver it by (ISO 8601, today or later).", example = "2026-12-01",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalDate promisedBy) {}

    @PostMapping("/{case}/resolve")
    @Operation(summary = "6. Resolve", description = "Record the resolution agreed with the customer and the promised date. "
        + "Needs: acknowledge, listen. Once per resolution.")
    CaseView resolve(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ResolveRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.resolve(CaseManagement.idOf(number), user.actor(), body.resolution(), body.promisedBy());
    }

    @Schema(description = "Record the fulfilment.")
    record FulfilRequest(@Schema(description = "How it was delivered, e.g. a refund reference.") @Nullable String note) {}

    @PostMapping("/{case}/fulfil")
    @Operation(summary = "7. Fulfil", description = "Record that the resolution was delivered. Needs: resolve.")
    CaseView fulfil(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody(required = false) @Nullable FulfilRequest body,
                    @AuthenticationPrincipal RedressUser user) {
        return cases.fulfil(CaseManagement.idOf(number), user.actor(), body == null ? null : body.note());
    }

    @Schema(description = "Record the follow-up.")
    record FollowUpRequest(
        @Schema(description = "Is the customer truly satisfied? False reopens the resolution.", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Boolean satisfied,
        @Schema(description = "Satisfaction 1–5, if asked.", example = "5") @Nullable Integer satisfaction,
        @Schema(description = "What the customer said.") @Nullable String note) {}

    @PostMapping("/{case}/follow-up")
    @Operation(summary = "8. Follow up", description = "Record the check-back. Not satisfied: resolve, fulfil and follow up "
        + "are to be done again. Needs: fulfil.")
    CaseView followUp(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody FollowUpRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.followUp(CaseManagement.idOf(number), user.actor(), body.satisfied(), body.satisfaction(), body.note());
    }

    @Schema(description = "Record the lesson and, optionally, the action that will prevent the cause striking again.")
    record LearnRequest(@Schema(description = "What went wrong and what it teaches.",
                            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String lesson,
                        @Schema(description = "What will be changed so that it does not happen again; followed up on the lessons list.")
                        @Nullable String action,
                        @Schema(description = "Who sees to the action (a user id); the caller when left out.") @Nullable Long actionOwnerId,
                        @Schema(description = "By when the action is to be done (today or later); required with an action.",
                            example = "2026-12-31") @Nullable LocalDate actionDue) {}

    @PostMapping("/{case}/learn")
    @Operation(summary = "9. Learn", description = "Record the lesson and the preventive action, with its owner and due date. "
        + "Needs: identify the cause.")
    CaseView learn(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody LearnRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.learn(CaseManagement.idOf(number), user.actor(), body.lesson(), body.action(), body.actionOwnerId(),
            body.actionDue());
    }

    // ---- outcome and handling -----------------------------------------------------------

    @Schema(description = "Close the case: with an outcome, or with a reason instead.")
    record CloseRequest(
        @Schema(description = "recovered or not-recovered; leave out when closing for a reason.", example = "recovered")
        @Nullable String outcome,
        @Schema(description = "Instead of an outcome: duplicate, spam or not-a-complaint.", example = "duplicate")
        @Nullable String reason,
        @Schema(description = "For a duplicate: the case it repeats, an open case of the same customer, into which it is merged.",
            example = "RC-000122") @Nullable String duplicateOf,
        @Schema(description = "Why; required for not-recovered.") @Nullable String note) {}

    @PostMapping("/{case}/close")
    @Operation(summary = "Close", description = "With an outcome, as recovered: every playbook step must be done and the "
        + "follow-up found the customer satisfied (409 names what is missing); as not recovered: the customer must have been "
        + "acknowledged, and a note says why. Or, instead of an outcome, with a reason: duplicate (name the case it repeats "
        + "in duplicateOf), spam or not-a-complaint; no step is needed first, and the customer is sent no update. A duplicate "
        + "is merged into the case it repeats, in the same transaction: its messages, timeline (marked \"From RC-…:\"), open "
        + "promises, remedies not yet final and mail move there, and the customer's link opens it; the duplicate stays a "
        + "closed stub whose duplicateOf names it, and cannot be reopened. Refused, changing nothing: into itself or an unknown "
        + "case (400); into a closed or merged case, another customer's case, from a case with an agreed resolution not yet "
        + "delivered, or with an open offer onto a case where none can stand (409); a case you may not act on, either one (403).")
    CaseView close(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody CloseRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.close(CaseManagement.idOf(number), user.actor(), new CaseManagement.Closing(body.outcome(), body.reason(),
            body.duplicateOf(), body.note()));
    }

    @Schema(description = "Reopen the case.")
    record ReopenRequest(@Schema(description = "Why the case is reopened.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason) {}

    @PostMapping("/{case}/reopen")
    @Operation(summary = "Reopen", description = "Reopen a closed case; the follow-up is to be done again.")
    CaseView reopen(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody ReopenRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.reopen(CaseManagement.idOf(number), user.actor(), body.reason());
    }

    @Schema(description = "Assign the case.")
    record AssignRequest(@Schema(description = "User id; null to unassign.") @Nullable Long assigneeId,
                         @Schema(description = "Team id; defaults to the assignee's team.") @Nullable Long teamId) {}

    @PostMapping("/{case}/assign")
    @Operation(summary = "Assign", description = "Agents take a case nobody holds (of their team or the shared inbox) "
        + "or release their own; leads, managers and admins give it to anyone or move it to another team.")
    CaseView assign(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody AssignRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.assign(CaseManagement.idOf(number), user, body.assigneeId(), body.teamId());
    }

    @Schema(description = "Replace the tags.")
    record TagsRequest(@Schema(description = "The tags (lower-cased; at most 20, 40 characters each).") @Nullable List<String> tags) {}

    @PutMapping("/{case}/tags")
    @Operation(summary = "Set tags", description = "Replaces the case's tags.")
    CaseView tags(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody TagsRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.tag(CaseManagement.idOf(number), user.actor(), body.tags());
    }

    @Schema(description = "Change the severity.")
    record SeverityRequest(@Schema(description = "1 (critical) to 4 (low).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer severity,
                           @Schema(description = "Why.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason) {}

    @PostMapping("/{case}/severity")
    @Operation(summary = "Change severity", description = "Re-rates the case; the reason goes on the timeline.")
    CaseView severity(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody SeverityRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.changeSeverity(CaseManagement.idOf(number), user.actor(), body.severity(), body.reason());
    }

    @Schema(description = "An internal note.")
    record NoteRequest(@Schema(description = "The note; never shown to the customer.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text) {}

    @PostMapping("/{case}/notes")
    @Operation(summary = "Add an internal note", description = "Adds a note to the timeline, visible to staff only.")
    CaseView note(@Parameter(description = CASE) @PathVariable("case") String number, @RequestBody NoteRequest body, @AuthenticationPrincipal RedressUser user) {
        return cases.addNote(CaseManagement.idOf(number), user.actor(), body.text());
    }
}
