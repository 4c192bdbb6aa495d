package org.redress.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.identity.RedressUser;
import org.redress.identity.Team;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an agent does on a case after intake: the playbook steps, assignment, tags,
 * notes, severity, closing (as a duplicate: merging, see {@link CaseMerging}) and reopening.
 * Each command loads the case, lets it make the transition, saves it, and appends the
 * timeline and the audit log in one transaction.
 */
@Service
@Transactional
public class CaseManagement {

    static final int MAX_TEXT = 10_000;
    static final int MAX_TAGS = 20;

    private final Cases cases;
    private final CaseRecords records;
    private final CaseViews views;
    private final Taxonomy taxonomy;
    private final UserManagement users;
    private final CaseAccess access;
    private final CaseMerging merging;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId businessZone;

    CaseManagement(Cases cases, CaseRecords records, CaseViews views, Taxonomy taxonomy, UserManagement users,
                   CaseAccess access, CaseMerging merging, AuditTrail audit, Clock clock, ZoneId businessZone) {
        this.businessZone = businessZone;
        this.cases = cases;
        this.records = records;
        this.views = views;
        this.taxonomy = taxonomy;
        this.users = users;
        this.access = access;
        this.merging = merging;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the playbook -------------------------------------------------------------------

    public CaseView acknowledge(long caseId, Actor actor, @Nullable String message) {
        String text = Text.optional("message", message, MAX_TEXT);
        return change(caseId, actor, "case.acknowledged", c -> c.acknowledge(actor, clock.instant(), text));
    }

    public CaseView listen(long caseId, Actor actor, @Nullable String account) {
        String text = Text.required("account", account, MAX_TEXT);
        return change(caseId, actor, "case.listened", c -> c.listen(actor, clock.instant(), text));
    }

    public CaseView apologize(long caseId, Actor actor, @Nullable String apology) {
        String text = Text.required("apology", apology, MAX_TEXT);
        return change(caseId, actor, "case.apologized", c -> c.apologize(actor, clock.instant(), text));
    }

    public CaseView identifyCause(long caseId, Actor actor, @Nullable String rootCause,
                                  @Nullable String responsibility, @Nullable String note) {
        String cause = taxonomy.require(Taxonomy.ROOT_CAUSE, "rootCause", Text.required("rootCause", rootCause, 50));
        Responsibility ours = Responsibility.parse(Text.required("responsibility", responsibility, 20));
        String text = Text.optional("note", note, MAX_TEXT);
        return change(caseId, actor, "case.cause-identified",
            c -> c.identifyCause(actor, clock.instant(), cause, ours, text));
    }

    public CaseView explain(long caseId, Actor actor, @Nullable String explanation) {
        String text = Text.required("explanation", explanation, MAX_TEXT);
        return change(caseId, actor, "case.explained", c -> c.explain(actor, clock.instant(), text));
    }

    public CaseView resolve(long caseId, Actor actor, @Nullable String resolution, @Nullable LocalDate promisedBy) {
        String text = Text.required("resolution", resolution, MAX_TEXT);
        if (promisedBy == null) {
            throw InvalidInput.field("promisedBy", "is required: the date by which we will deliver the resolution");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), businessZone);
        return change(caseId, actor, "case.resolution-agreed",
            c -> c.resolve(actor, clock.instant(), text, promisedBy, today));
    }

    /**
     * Records the Resolve step for an agreement reached through another module's rules, as
     * concluded by {@code concludedBy} (Redress itself when the customer accepted an offer).
     * That module has decided who may conclude it (a lead approving acts by authority, not by
     * the case's team: ADR 8), so no further check of the case's team is made here. Before
     * delivery a second agreement refines the standing one.
     */
    public CaseView agreeResolution(long caseId, Actor concludedBy, Agreement agreement) {
        Text.required("resolution", agreement.resolution(), MAX_TEXT);
        LocalDate today = LocalDate.ofInstant(clock.instant(), businessZone);
        return change(caseId, concludedBy, "case.resolution-agreed", false,
            c -> c.resolve(concludedBy, clock.instant(), agreement, today));
    }

    public CaseView fulfil(long caseId, Actor actor, @Nullable String note) {
        String text = Text.optional("note", note, MAX_TEXT);
        return change(caseId, actor, "case.fulfilled", c -> c.fulfil(actor, clock.instant(), text));
    }

    public CaseView followUp(long caseId, Actor actor, @Nullable Boolean satisfied, @Nullable Integer satisfaction,
                             @Nullable String note) {
        if (satisfied == null) {
            throw InvalidInput.field("satisfied", "is required: is the customer satisfied, true or false?");
        }
        String text = Text.optional("note", note, MAX_TEXT);
        return change(caseId, actor, "case.followed-up",
            c -> c.followUp(actor, clock.instant(), satisfied, satisfaction, text));
    }

    /**
     * Records the lesson and, when one is named, the action that will prevent the cause
     * striking again: owned by the user given (the recorder when none is), due on a day from
     * today on. The owner must be an active person; the lessons module keeps the action from
     * then on, through to done.
     */
    public CaseView learn(long caseId, Actor actor, @Nullable String lesson, @Nullable String action,
                          @Nullable Long actionOwnerId, @Nullable LocalDate actionDue) {
        String text = Text.required("lesson", lesson, MAX_TEXT);
        String what = Text.optional("action", action, MAX_TEXT);
        PreventiveAction preventive = null;
        if (what == null) {
            if (actionOwnerId != null || actionDue != null) {
                throw InvalidInput.field("action", "is required when an owner or a due date is given: say what will be done");
            }
        } else {
            if (actionDue == null) {
                throw InvalidInput.field("actionDue", "is required with an action: by when will it be done?");
            }
            if (actionDue.isBefore(LocalDate.now(clock.withZone(businessZone)))) {
                throw InvalidInput.field("actionDue", "is in the past; give a day from today on");
            }
            Long owner = actionOwnerId != null ? actionOwnerId : actor.userId();
            if (owner == null) {
                throw InvalidInput.field("actionOwnerId", "is required: who will see to the action?");
            }
            users.user(owner).filter(user -> user.active() && user.role().person())
                .orElseThrow(() -> InvalidInput.field("actionOwnerId", "there is no active person with id " + owner));
            preventive = new PreventiveAction(what, owner, actionDue);
        }
        PreventiveAction chosen = preventive;
        return change(caseId, actor, "case.lesson-recorded", c -> c.learn(actor, clock.instant(), text, chosen));
    }

    // ---- outcome ------------------------------------------------------------------------

    public CaseView close(long caseId, Actor actor, @Nullable String outcome, @Nullable String note) {
        return close(caseId, actor, new Closing(outcome, null, null, note));
    }

    /** How a case is to be closed: with an outcome, or with a reason instead (and, for a duplicate, the case it repeats). */
    public record Closing(@Nullable String outcome, @Nullable String reason, @Nullable String duplicateOf, @Nullable String note) {}

    public CaseView close(long caseId, Actor actor, Closing closing) {
        String text = Text.optional("note", closing.note(), MAX_TEXT);
        if (closing.reason() == null || closing.reason().isBlank()) {
            Outcome result = Outcome.parse(Text.required("outcome", closing.outcome(), 20));
            return change(caseId, actor, "case.closed", c -> c.close(actor, clock.instant(), result, text));
        }
        if (closing.outcome() != null && !closing.outcome().isBlank()) {
            throw InvalidInput.field("outcome", "is for a case closed after a recovery; a case closed for a reason has none");
        }
        CloseReason reason = CloseReason.parse("reason", Text.required("reason", closing.reason(), 40));
        if (reason == CloseReason.DUPLICATE) {
            return merging.merge(caseId, actor, closing.duplicateOf(), text);
        }
        if (closing.duplicateOf() != null && !closing.duplicateOf().isBlank()) {
            throw InvalidInput.field("duplicateOf", "is only for a case closed as a duplicate");
        }
        return change(caseId, actor, "case.closed", c -> c.closeFor(actor, clock.instant(), reason, null, text));
    }

    /**
     * The case that answers for {@code caseId} now: itself, or the case it was merged into
     * (closed as a duplicate). The customer's link to a merged case opens the surviving one.
     */
    @Transactional(readOnly = true)
    public long survivorOf(long caseId) {
        return merging.survivorOf(caseId);
    }

    public CaseView reopen(long caseId, Actor actor, @Nullable String reason) {
        String text = Text.required("reason", reason, MAX_TEXT);
        return change(caseId, actor, "case.reopened", c -> c.reopen(actor, clock.instant(), text));
    }

    // ---- handling -----------------------------------------------------------------------

    /**
     * Assigns the case, within {@link CaseAccess}'s rules: agents take a case nobody holds or
     * release their own; leads, managers and admins give it to anyone or move it to another
     * team. Without a team, the assignee's team is used. Only a person holds a case.
     */
    public CaseView assign(long caseId, RedressUser by, @Nullable Long assigneeId, @Nullable Long teamId) {
        UserSummary assignee = assigneeId == null ? null : users.user(assigneeId)
            .filter(user -> user.active() && user.role().person())
            .orElseThrow(() -> InvalidInput.field("assigneeId", "there is no active person with id " + assigneeId));
        Long team = teamId != null ? teamId : assignee == null ? null : assignee.teamId();
        Team chosenTeam = team == null ? null : users.team(team)
            .orElseThrow(() -> InvalidInput.field("teamId", "there is no team with id " + teamId));
        Actor actor = by.actor();
        return change(caseId, actor, "case.assigned", c -> {
            access.requireAssignment(caseId, c.assigneeId(), actor, assigneeId, teamId);
            c.assign(actor, clock.instant(), assignee == null ? null : assignee.id(),
                assignee == null ? null : assignee.name(), team, chosenTeam == null ? null : chosenTeam.name());
        });
    }

    /**
     * The person takes a case nobody holds (for "take next"): like assigning it to themselves,
     * but refused with a conflict if someone took it meanwhile, so that nobody, not even a
     * lead, takes a case from its holder by racing them.
     */
    public CaseView takeUnheld(long caseId, RedressUser by) {
        UserSummary me = users.user(by.id()).filter(user -> user.active() && user.role().person())
            .orElseThrow(() -> new InvalidInput("Only an active person can take a case."));
        Team team = me.teamId() == null ? null : users.team(me.teamId()).orElse(null);
        Actor actor = by.actor();
        return change(caseId, actor, "case.assigned", c -> {
            if (c.assigneeId() != null) {
                throw new Conflict(CaseNumber.format(caseId) + " was taken by someone else meanwhile.");
            }
            access.requireAssignment(caseId, null, actor, me.id(), null);
            c.assign(actor, clock.instant(), me.id(), me.name(), team == null ? c.teamId() : team.id(),
                team == null ? null : team.name());
        });
    }

    public CaseView tag(long caseId, Actor actor, @Nullable List<String> tags) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String value = Text.required("tags", tag, 40).trim().toLowerCase(Locale.ROOT);
            normalised.add(value);
        }
        if (normalised.size() > MAX_TAGS) {
            throw InvalidInput.field("tags", "at most " + MAX_TAGS + " tags per case");
        }
        return change(caseId, actor, "case.tagged", c -> c.tag(actor, clock.instant(), normalised));
    }

    public CaseView changeSeverity(long caseId, Actor actor, @Nullable Integer severity, @Nullable String reason) {
        if (severity == null || severity < 1 || severity > 4) {
            throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low)");
        }
        String text = Text.required("reason", reason, MAX_TEXT);
        return change(caseId, actor, "case.severity-changed", c -> c.changeSeverity(actor, clock.instant(), severity, text));
    }

    public CaseView addNote(long caseId, Actor actor, @Nullable String note) {
        String text = Text.required("text", note, MAX_TEXT);
        return change(caseId, actor, "case.note-added", c -> c.addNote(actor, clock.instant(), text));
    }

    /**
     * Records a message we sent to the customer (its delivery is the sender's business), on
     * the case's messages and timeline, by the person who wrote it.
     */
    public void recordOutbound(long caseId, Actor author, Channel channel, @Nullable String subject, String body) {
        RecoveryCase recoveryCase = load(caseId);
        access.require(caseId, recoveryCase.teamId(), recoveryCase.assigneeId(), author, "case.message-sent");
        CaseView c = views.of(recoveryCase);
        Instant now = clock.instant();
        records.addMessage(caseId, "OUTBOUND", channel, author.name(), subject, Text.required("body", body, 100_000), now);
        records.append(caseId, List.of(new RecoveryCase.Happening(now, author, "message.sent", "Wrote to the customer by "
            + channel.label().toLowerCase(Locale.ROOT) + (subject == null ? "" : ": " + subject), false)));
        records.touch(caseId, now);
        audit.record(author, "case.message-sent", "case:" + c.number(), subject);
    }

    /**
     * Records something another module observed about the case (a missed target, a
     * reminder, a promise kept or broken) on its timeline, as done by Redress itself. The
     * case's state is unchanged; its {@code updated_at} moves.
     */
    public void recordOnTimeline(long caseId, String kind, String summary) {
        String text = Text.required("summary", summary, MAX_TEXT);
        Instant now = clock.instant();
        records.append(caseId, List.of(new RecoveryCase.Happening(now, Actor.SYSTEM, kind, text, false)));
        // Something happened on the case: readers of changes (the live queue, the insights' refresh) see it.
        records.touch(caseId, now);
        audit.record(Actor.SYSTEM, kind, "case:" + CaseNumber.format(caseId), text);
    }

    /**
     * Escalates the case because a target was missed, as done by Redress: moves it to the
     * escalation team's queue, hands it to the escalation assignee (if that person is still
     * active; otherwise the assignee keeps it), raises its severity by one level. Once per
     * missed target, which the caller guarantees.
     */
    public void escalate(long caseId, Escalation escalation) {
        Team team = escalation.teamId() == null ? null : users.team(escalation.teamId()).orElse(null);
        UserSummary assignee = escalation.assigneeId() == null ? null
            : users.user(escalation.assigneeId()).filter(UserSummary::active).orElse(null);
        Instant now = clock.instant();
        change(caseId, Actor.SYSTEM, "case.escalated", c -> c.escalate(now, escalation.reason(),
            team == null ? null : new CaseView.Ref(team.id(), team.name()),
            assignee == null ? null : new CaseView.Ref(assignee.id(), assignee.name()), escalation.raiseSeverity()));
    }

    // ---- reading ------------------------------------------------------------------------

    /** The case, if there is one; never "not found" (which would mark the caller's transaction for rollback). */
    @Transactional(readOnly = true)
    public java.util.Optional<CaseView> find(long caseId) {
        return cases.load(caseId).map(views::of);
    }

    /**
     * The case. Who may read it is checked where the request names it (every URL under
     * {@code /cases/{case}}, see {@link CaseAccess}); changes are checked here, per command.
     */
    @Transactional(readOnly = true)
    public CaseView view(long caseId) {
        return views.of(load(caseId));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long caseId) {
        requireExists(caseId);
        return records.timeline(caseId);
    }

    @Transactional(readOnly = true)
    public List<CaseMessage> messages(long caseId) {
        requireExists(caseId);
        return records.messages(caseId);
    }

    /** The case's messages and timeline as one conversation in time order (see {@link Conversation}). */
    @Transactional(readOnly = true)
    public List<Conversation.Turn> conversation(long caseId) {
        requireExists(caseId);
        return Conversation.of(records.messages(caseId), records.timeline(caseId));
    }

    /** Refuses with "not found" unless the case exists; for modules that only need to know that. */
    @Transactional(readOnly = true)
    public void requireExists(long caseId) {
        if (!cases.existsById(caseId)) {
            throw new NotFound("There is no case " + CaseNumber.format(caseId) + ".");
        }
    }

    /** Reads {@code RC-000123} or {@code 123}; unknown numbers are "not found", never a server error. */
    public static long idOf(String number) {
        return CaseNumber.parse(number).orElseThrow(() -> new NotFound("There is no case " + number + "."));
    }

    private CaseView change(long caseId, Actor actor, String action, Consumer<RecoveryCase> transition) {
        return change(caseId, actor, action, true, transition);
    }

    private CaseView change(long caseId, Actor actor, String action, boolean checkAccess, Consumer<RecoveryCase> transition) {
        RecoveryCase recoveryCase = load(caseId);
        if (checkAccess) {
            access.require(caseId, recoveryCase.teamId(), recoveryCase.assigneeId(), actor, action);
        }
        CaseRefiled filed = recoveryCase.filing();
        transition.accept(recoveryCase);
        List<RecoveryCase.Happening> happenings = recoveryCase.drainHappenings();
        if (happenings.isEmpty()) {
            return views.of(recoveryCase);
        }
        recoveryCase.announceRefiling(filed);
        // The case's own lines first: saving publishes its events, whose listeners may add theirs.
        records.append(caseId, happenings);
        RecoveryCase saved = cases.save(recoveryCase);
        String number = CaseNumber.format(caseId);
        happenings.forEach(happening -> audit.record(actor, action, "case:" + number,
            happening.internal() ? "internal note" : happening.summary()));
        return views.of(saved);
    }

    private RecoveryCase load(long caseId) {
        return cases.load(caseId)
            .orElseThrow(() -> new NotFound("There is no case " + CaseNumber.format(caseId) + "."));
    }
}
