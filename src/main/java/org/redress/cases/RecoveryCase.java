package org.redress.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer's bad experience and our recovery of it. The case owns its transitions:
 * each playbook step checks its prerequisites, records who did it and when, moves the
 * status, and adds a line to the timeline. Nothing outside this class changes its state.
 */
@Table("recovery_cases")
class RecoveryCase extends AbstractAggregateRoot<RecoveryCase> {

    /** A timeline line produced by a transition, written by {@link CaseManagement} after saving. */
    record Happening(Instant at, Actor actor, String kind, String summary, boolean internal) {}

    private @Id @Nullable Long id;
    private final long customerId;
    private final Channel channel;
    private final String category;
    private int severity;
    private final String subject;
    private CaseStatus status;
    private @Nullable Outcome outcome;
    private @Nullable CloseReason closeReason;
    private @Nullable Long duplicateOf;
    private @Nullable Long assigneeId;
    private @Nullable Long teamId;
    private @Nullable String rootCause;
    private @Nullable Responsibility responsibility;
    private @Nullable String resolution;
    private @Nullable LocalDate promisedBy;
    private @Nullable Boolean satisfied;
    private @Nullable Integer satisfaction;
    private final Instant openedAt;
    private Instant updatedAt;
    private @Nullable Instant closedAt;
    private @Version int version;
    @MappedCollection(idColumn = "recovery_case")
    private Set<StepRecord> steps;
    @MappedCollection(idColumn = "recovery_case")
    private Set<Tag> tags;
    @Transient
    private final List<Happening> happenings = new ArrayList<>();

    @PersistenceCreator
    RecoveryCase(@Nullable Long id, long customerId, Channel channel, String category, int severity, String subject,
                 CaseStatus status, @Nullable Outcome outcome, @Nullable CloseReason closeReason, @Nullable Long duplicateOf,
                 @Nullable Long assigneeId, @Nullable Long teamId,
                 @Nullable String rootCause, @Nullable Responsibility responsibility, @Nullable String resolution,
                 @Nullable LocalDate promisedBy, @Nullable Boolean satisfied, @Nullable Integer satisfaction,
                 Instant openedAt, Instant updatedAt, @Nullable Instant closedAt, int version,
                 Set<StepRecord> steps, Set<Tag> tags) {
        this.id = id;
        this.customerId = customerId;
        this.channel = channel;
        this.category = category;
        this.severity = severity;
        this.subject = subject;
        this.status = status;
        this.outcome = outcome;
        this.closeReason = closeReason;
        this.duplicateOf = duplicateOf;
        this.assigneeId = assigneeId;
        this.teamId = teamId;
        this.rootCause = rootCause;
        this.responsibility = responsibility;
        this.resolution = resolution;
        this.promisedBy = promisedBy;
        this.satisfied = satisfied;
        this.satisfaction = satisfaction;
        this.openedAt = openedAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.version = version;
        this.steps = new HashSet<>(steps);
        this.tags = new HashSet<>(tags);
    }

    static RecoveryCase open(long customerId, Channel channel, String category, int severity, String subject,
                             Actor actor, Instant now) {
        RecoveryCase recoveryCase = new RecoveryCase(null, customerId, channel, category, severity, subject,
            CaseStatus.NEW, null, null, null, null, null, null, null, null, null, null, null, now, now, null, 0, Set.of(), Set.of());
        recoveryCase.happened(actor, now, "opened", "Complaint received via " + channel.label().toLowerCase()
            + " (" + category + ", severity " + severity + ")");
        return recoveryCase;
    }

    /** Called once, by {@link CaseRecords#insertOpened}, with the id the database gave the new case. */
    void stored(long newId) {
        if (id != null) {
            throw new IllegalStateException("case " + id + " is already stored");
        }
        this.id = newId;
        this.version = 1;
    }

    // ---- the playbook -------------------------------------------------------------------

    void acknowledge(Actor actor, Instant now, @Nullable String message) {
        perform(PlaybookStep.ACKNOWLEDGE, actor, now, message, "Acknowledged the complaint" + quoted(message));
    }

    void listen(Actor actor, Instant now, String account) {
        perform(PlaybookStep.LISTEN, actor, now, account, "Recorded the customer's account" + quoted(account));
    }

    void apologize(Actor actor, Instant now, String apology) {
        perform(PlaybookStep.APOLOGIZE, actor, now, apology, "Apologized to the customer" + quoted(apology));
    }

    void identifyCause(Actor actor, Instant now, String cause, Responsibility ours, @Nullable String note) {
        perform(PlaybookStep.IDENTIFY_CAUSE, actor, now, note,
            "Identified the cause: " + cause + " (our part: " + ours.label().toLowerCase() + ")" + quoted(note));
        this.rootCause = cause;
        this.responsibility = ours;
    }

    void explain(Actor actor, Instant now, String explanation) {
        perform(PlaybookStep.EXPLAIN, actor, now, explanation, "Explained what went wrong" + quoted(explanation));
    }

    void resolve(Actor actor, Instant now, String agreedResolution, LocalDate deliverBy, LocalDate today) {
        resolve(actor, now, new Agreement(agreedResolution, deliverBy, null, null, null), today);
    }

    /**
     * Records the resolution agreed with the customer and the date we will deliver it by.
     * Agreed again before it is delivered, it refines the standing agreement: the event says
     * so, and the promise and the customer's confirmation are not made a second time.
     */
    void resolve(Actor actor, Instant now, Agreement agreement, LocalDate today) {
        if (agreement.deliverBy().isBefore(today)) {
            throw InvalidInput.field("promisedBy", "is in the past; promise a date from today on");
        }
        boolean refining = done(PlaybookStep.RESOLVE);
        perform(PlaybookStep.RESOLVE, actor, now, agreement.resolution(),
            (refining ? "Refined the agreed resolution: " : "Agreed the resolution: ") + agreement.resolution()
                + " — to be delivered by " + agreement.deliverBy().format(
                    java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH))
                + (agreement.how() == null ? "" : " (" + agreement.how() + ")"));
        this.resolution = agreement.resolution();
        this.promisedBy = agreement.deliverBy();
        if (id != null) {
            registerEvent(new ResolutionAgreed(id, agreement.resolution(), agreement.deliverBy(), actor.userId(), actor.name(),
                assigneeId, agreement.ownerId() != null ? agreement.ownerId() : actor.userId(), now, refining,
                agreement.reference()));
        }
    }

    void fulfil(Actor actor, Instant now, @Nullable String note) {
        perform(PlaybookStep.FULFIL, actor, now, note, "Fulfilled the resolution" + quoted(note));
    }

    /**
     * Records whether the customer is truly satisfied. If not, the agreed resolution no
     * longer stands: resolve, fulfil and follow-up are to be done again.
     */
    void followUp(Actor actor, Instant now, boolean customerSatisfied, @Nullable Integer score, @Nullable String note) {
        if (score != null && (score < 1 || score > 5)) {
            throw InvalidInput.field("satisfaction", "must be from 1 (very unhappy) to 5 (very happy)");
        }
        perform(PlaybookStep.FOLLOW_UP, actor, now, note, (customerSatisfied ? "Followed up: the customer is satisfied"
            : "Followed up: the customer is not satisfied") + (score == null ? "" : " (" + score + "/5)") + quoted(note));
        this.satisfied = customerSatisfied;
        this.satisfaction = score;
        if (!customerSatisfied) {
            steps.removeIf(done -> EnumSet.of(PlaybookStep.RESOLVE, PlaybookStep.FULFIL, PlaybookStep.FOLLOW_UP)
                .contains(done.step()));
            this.status = derivedStatus();
            happened(actor, now, "reopened-resolution", "The resolution is reopened: agree a new one with the customer");
            if (id != null) {
                registerEvent(new ResolutionReopened(id, now));
            }
        }
    }

    void learn(Actor actor, Instant now, String lesson, @Nullable PreventiveAction action) {
        perform(PlaybookStep.LEARN, actor, now, lesson, "Recorded the lesson" + quoted(lesson)
            + (action == null ? "" : "; the action: " + action.what() + " (due " + action.due().format(
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)) + ")"));
        if (id != null) {
            registerEvent(new LessonRecorded(id, rootCause, lesson, action, actor, now));
        }
    }

    // ---- closing and reopening ----------------------------------------------------------

    /**
     * Closes the case. As recovered only when every playbook step is done, which includes a
     * follow-up that found the customer satisfied (an unsatisfied one undoes the resolution
     * and its follow-up); as not recovered once the customer at least had an answer.
     */
    void close(Actor actor, Instant now, Outcome result, @Nullable String note) {
        requireOpen();
        if (result == Outcome.RECOVERED) {
            List<PlaybookStep> missing = Playbook.missing(stepsDone());
            if (!missing.isEmpty()) {
                throw new Conflict("Cannot close " + number() + " as recovered yet; still to do: " + Playbook.labels(missing) + ".");
            }
        } else {
            if (!done(PlaybookStep.ACKNOWLEDGE)) {
                throw new Conflict("Cannot close " + number() + " before the customer has been acknowledged: "
                    + "every complaint gets an answer.");
            }
            if (note == null) {
                throw InvalidInput.field("note", "is required when a case is closed as not recovered: say why");
            }
        }
        this.outcome = result;
        this.status = CaseStatus.CLOSED;
        this.closedAt = now;
        happened(actor, now, "closed", "Closed as " + result.label().toLowerCase() + quoted(note));
        if (id != null) {
            registerEvent(new CaseClosed(id, customerId, result, null, now));
        }
    }

    /**
     * Closes the case without an outcome, for a reason: a duplicate (of the case given, never
     * itself), spam, or not a complaint. No playbook step is needed first: there is no
     * recovery to judge, and a duplicate's customer is answered on the other case.
     */
    void closeFor(Actor actor, Instant now, CloseReason reason, @Nullable Long original, @Nullable String note) {
        requireOpen();
        if (reason == CloseReason.DUPLICATE) {
            if (original == null) {
                throw InvalidInput.field("duplicateOf", "is required when a case is closed as a duplicate: the case it repeats");
            }
            if (original.equals(id)) {
                throw InvalidInput.field("duplicateOf", "names " + number() + " itself; name the case it repeats");
            }
        } else if (original != null) {
            throw InvalidInput.field("duplicateOf", "is only for a case closed as a duplicate");
        }
        this.closeReason = reason;
        this.duplicateOf = original;
        this.status = CaseStatus.CLOSED;
        this.closedAt = now;
        happened(actor, now, "closed", switch (reason) {
            case DUPLICATE -> "Closed as a duplicate of " + CaseNumber.format(original) + " and merged into it";
            case SPAM -> "Closed as spam";
            case NOT_A_COMPLAINT -> "Closed: not a complaint";
        } + quoted(note));
        if (id != null) {
            registerEvent(new CaseClosed(id, customerId, null, reason, now));
        }
    }

    /**
     * Closes this case as a duplicate of {@code into} and merges it there: the customer is
     * answered on one case, so what this one holds (messages, timeline, promises, remedies)
     * moves to the other, which must be an open case of the same customer. A resolution
     * agreed here and not yet delivered stays: its promise would stand beside the other
     * case's own agreement, which its playbook would not know of.
     */
    void mergeInto(Actor actor, Instant now, RecoveryCase into, @Nullable String note, @Nullable Instant customerLastWroteAt) {
        requireOpen();
        if (into.id() == id()) {
            throw InvalidInput.field("duplicateOf", "names " + number() + " itself; name the case it repeats");
        }
        if (into.closeReason == CloseReason.DUPLICATE && into.duplicateOf != null) {
            throw new Conflict(into.number() + " was itself merged into " + CaseNumber.format(into.duplicateOf)
                + "; merge " + number() + " into " + CaseNumber.format(into.duplicateOf) + " instead.");
        }
        if (!into.status.open()) {
            throw new Conflict(into.number() + " is closed; a duplicate is merged into an open case (reopen it first).");
        }
        if (into.customerId != customerId) {
            throw new Conflict(number() + " and " + into.number() + " are complaints of different customers; "
                + "only a customer's own cases are merged, so that nobody sees another customer's messages.");
        }
        if (done(PlaybookStep.RESOLVE) && !done(PlaybookStep.FULFIL)) {
            throw new Conflict(number() + " has an agreed resolution not yet delivered; merging it would put a second "
                + "resolution promise on " + into.number() + ". Merge " + into.number() + " into " + number()
                + " instead, or record its fulfilment first.");
        }
        closeFor(actor, now, CloseReason.DUPLICATE, into.id(), note);
        registerEvent(new CasesMerged(id(), into.id(), customerId, now, customerLastWroteAt));
    }

    /** The line on the surviving case of a merge. */
    void merged(RecoveryCase from, Actor actor, Instant now) {
        happened(actor, now, "merged", "Merged " + from.number() + " into this case: its messages, timeline, open "
            + "promises and remedies are here now");
    }

    /** A case merged into another: its content lives there, and so does the customer's link. */
    boolean mergedAway() {
        return closeReason == CloseReason.DUPLICATE && duplicateOf != null;
    }

    void reopen(Actor actor, Instant now, String reason) {
        if (status.open()) {
            throw new Conflict(number() + " is not closed, so it cannot be reopened.");
        }
        if (mergedAway()) {
            // Its messages, promises and remedies moved; reopened, it would be an empty shell the customer cannot reach.
            throw new Conflict(number() + " was merged into " + CaseNumber.format(duplicateOf)
                + "; everything it held is there now, so work on " + CaseNumber.format(duplicateOf) + " instead.");
        }
        this.outcome = null;
        this.closeReason = null;
        this.duplicateOf = null;
        this.closedAt = null;
        steps.removeIf(done -> done.step() == PlaybookStep.FOLLOW_UP);
        this.satisfied = null;
        this.satisfaction = null;
        this.status = derivedStatus();
        happened(actor, now, "reopened", "Reopened" + quoted(reason));
        if (id != null) {
            registerEvent(new CaseReopened(id, customerId, now));
        }
    }

    // ---- handling -----------------------------------------------------------------------

    void assign(Actor actor, Instant now, @Nullable Long userId, @Nullable String userName,
                @Nullable Long team, @Nullable String teamName) {
        requireOpen();
        this.assigneeId = userId;
        this.teamId = team;
        String who = userName == null ? "nobody" : userName;
        happened(actor, now, "assigned", "Assigned to " + who + (teamName == null ? "" : " (team " + teamName + ")"));
    }

    void escalate(Instant now, String reason, CaseView.@Nullable Ref team, CaseView.@Nullable Ref assignee,
                  boolean raiseSeverity) {
        if (!status.open()) {
            return;
        }
        List<String> done = new ArrayList<>();
        if (team != null && !Objects.equals(teamId, team.id())) {
            this.teamId = team.id();
            done.add("moved to the team " + team.name());
        }
        if (assignee != null && !Objects.equals(assigneeId, assignee.id())) {
            this.assigneeId = assignee.id();
            done.add("handed to " + assignee.name());
        }
        int before = severity;
        if (raiseSeverity && severity > 1) {
            this.severity = severity - 1;
            done.add("severity raised from " + before + " to " + severity);
        }
        happened(Actor.SYSTEM, now, "escalated", "Escalated (" + reason + ")"
            + (done.isEmpty() ? "" : ": " + String.join(", ", done)));
        if (id != null && severity != before) {
            registerEvent(new SeverityChanged(id, customerId, channel, before, severity, now));
        }
    }

    void tag(Actor actor, Instant now, Set<String> newTags) {
        Set<Tag> replacement = newTags.stream().map(Tag::new).collect(Collectors.toSet());
        if (replacement.equals(tags)) {
            return;
        }
        this.tags = new HashSet<>(replacement);
        happened(actor, now, "tagged", newTags.isEmpty() ? "Removed all tags" : "Tags set to " + String.join(", ", newTags.stream().sorted().toList()));
    }

    void changeSeverity(Actor actor, Instant now, int newSeverity, String reason) {
        requireOpen();
        if (newSeverity == severity) {
            throw new Conflict(number() + " already has severity " + severity + ".");
        }
        int before = severity;
        this.severity = newSeverity;
        happened(actor, now, "severity", "Severity changed from " + before + " to " + newSeverity + quoted(reason));
        if (id != null) {
            registerEvent(new SeverityChanged(id, customerId, channel, before, newSeverity, now));
        }
    }

    void addNote(Actor actor, Instant now, String note) {
        happened(actor, now, "note", note, true);
    }

    // ---- state --------------------------------------------------------------------------

    /** The first playbook step not yet done, or empty when all are done or the case is closed. */
    Optional<PlaybookStep> nextStep() {
        return status.open() ? Playbook.next(stepsDone()) : Optional.empty();
    }

    Set<PlaybookStep> stepsDone() {
        Set<PlaybookStep> done = EnumSet.noneOf(PlaybookStep.class);
        steps.forEach(record -> done.add(record.step()));
        return done;
    }

    boolean done(PlaybookStep step) {
        return record(step).isPresent();
    }

    Optional<StepRecord> record(PlaybookStep step) {
        return steps.stream().filter(done -> done.step() == step).findFirst();
    }

    List<Happening> drainHappenings() {
        List<Happening> drained = List.copyOf(happenings);
        happenings.clear();
        return drained;
    }

    private void perform(PlaybookStep step, Actor actor, Instant now, @Nullable String note, String summary) {
        requireOpen();
        Set<PlaybookStep> missing = Playbook.missingPrerequisites(step, stepsDone());
        if (!missing.isEmpty()) {
            throw new Conflict("Cannot " + step.label().toLowerCase() + " on " + number() + " yet; first: "
                + Playbook.labels(missing) + ".");
        }
        if (done(step) && !Playbook.refinable(step, stepsDone())) {
            StepRecord earlier = record(step).orElseThrow();
            throw new Conflict(step.label() + " was already done on " + number() + " by " + earlier.doneByName()
                + " at " + earlier.doneAt() + (step == PlaybookStep.RESOLVE ? ", and the resolution has been delivered." : "."));
        }
        steps.removeIf(earlier -> earlier.step() == step);
        steps.add(new StepRecord(step, now, actor.userId(), actor.name(), note));
        this.status = derivedStatus();
        happened(actor, now, "step." + step.action(), summary);
        if (id != null) {
            registerEvent(new StepRecorded(id, step, now));
        }
    }

    private CaseStatus derivedStatus() {
        return closedAt != null ? CaseStatus.CLOSED : Playbook.status(stepsDone());
    }

    private void requireOpen() {
        if (!status.open()) {
            throw new Conflict(number() + " is closed; reopen it first.");
        }
    }

    private void happened(Actor actor, Instant now, String kind, String summary) {
        happened(actor, now, kind, summary, false);
    }

    private void happened(Actor actor, Instant now, String kind, String summary, boolean internal) {
        this.updatedAt = now;
        happenings.add(new Happening(now, actor, kind, summary, internal));
    }

    private static String quoted(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return ": “" + (oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine) + "”";
    }

    /** Where the case stands in the work queue now: its team, holder, severity and status. */
    CaseRefiled filing() {
        return new CaseRefiled(id(), teamId, assigneeId, severity, status);
    }

    /** Announces the case's new place in the work queue, with its saving, if a change moved it. */
    void announceRefiling(CaseRefiled before) {
        CaseRefiled now = filing();
        if (!now.equals(before)) {
            registerEvent(now);
        }
    }

    String number() {
        return id == null ? "this case" : CaseNumber.format(id);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("case not saved yet");
        }
        return id;
    }

    long customerId() { return customerId; }
    Channel channel() { return channel; }
    String category() { return category; }
    int severity() { return severity; }
    String subject() { return subject; }
    CaseStatus status() { return status; }
    @Nullable Outcome outcome() { return outcome; }
    @Nullable CloseReason closeReason() { return closeReason; }
    @Nullable Long duplicateOf() { return duplicateOf; }
    @Nullable Long assigneeId() { return assigneeId; }
    @Nullable Long teamId() { return teamId; }
    @Nullable String rootCause() { return rootCause; }
    @Nullable Responsibility responsibility() { return responsibility; }
    @Nullable String resolution() { return resolution; }
    @Nullable LocalDate promisedBy() { return promisedBy; }
    @Nullable Boolean satisfied() { return satisfied; }
    @Nullable Integer satisfaction() { return satisfaction; }
    Instant openedAt() { return openedAt; }
    Instant updatedAt() { return updatedAt; }
    @Nullable Instant closedAt() { return closedAt; }
    int version() { return version; }
    Set<String> tagNames() { return tags.stream().map(Tag::name).collect(Collectors.toCollection(java.util.TreeSet::new)); }
}
