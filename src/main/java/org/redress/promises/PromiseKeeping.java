package org.redress.promises;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.CaseAccess;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseScope;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.shared.Actor;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, keeping and breaking promises, each on the case's timeline and in the audit log.
 * A promise still open at its due time is broken by {@link #breakOverdue}, once.
 */
@Service
@Transactional
public class PromiseKeeping {

    private final Promises promises;
    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final CaseAccess access;
    private final UserManagement users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DateTimeFormatter when;

    PromiseKeeping(Promises promises, JdbcClient jdbc, CaseManagement cases, CaseAccess access, UserManagement users,
                   AuditTrail audit, ApplicationEventPublisher events, Clock clock, ZoneId businessZone) {
        this.access = access;
        this.events = events;
        this.promises = promises;
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(businessZone);
    }

    /** A commitment to the customer of a case, owned by a user (or by whoever makes it), made by someone who may act on it. */
    public Promise make(long caseId, @Nullable String description, @Nullable Instant dueAt, @Nullable Long ownerId,
                        Actor madeBy) {
        access.require(caseId, madeBy, "promise.made");
        String what = Text.required("description", description, 1_000).strip();
        if (dueAt == null) {
            throw InvalidInput.field("dueAt", "is required: when the customer can expect it");
        }
        if (!dueAt.isAfter(clock.instant())) {
            throw InvalidInput.field("dueAt", "is in the past; a promise is due later than now");
        }
        cases.requireExists(caseId);
        return save(caseId, what, Promise.Source.MANUAL, dueAt, ownerId == null ? madeBy.userId() : ownerId, madeBy);
    }

    /**
     * The promise of a case's agreed resolution: made when the resolution is agreed, and
     * refined (what, by when) when the agreement is refined, so that a case has one open
     * promise for what it agreed. {@code reference} names the record it was agreed through
     * (e.g. remedy:12), whose delivery keeps it; a promise that comes to stand on more than
     * one record is kept when the resolution is fulfilled. Its owner is the first of
     * {@code owners} still active, else nobody: an agreement never fails on our staffing.
     */
    Promise forResolution(long caseId, String what, Promise.Source source, Instant dueAt, List<Long> owners, Actor madeBy,
                          @Nullable String reference) {
        Promise open = openForResolution(caseId);
        if (open == null) {
            Long owner = owners.stream().filter(id -> users.user(id).filter(UserSummary::active).isPresent()).findFirst()
                .orElse(null);
            Promise made = save(caseId, what, source, dueAt, owner, madeBy);
            return reference == null ? made : promises.save(made.withReference(reference));
        }
        String standsOn = reference == null || java.util.Objects.equals(open.reference(), reference) ? open.reference() : null;
        Promise refined = promises.save(open.refined(what, dueAt, standsOn));
        cases.recordOnTimeline(caseId, "promise.changed", "Promise refined: " + Text.withoutFinalStop(what) + ", due "
            + when.format(dueAt) + " (owner " + refined.ownerName() + ")");
        audit.record(madeBy, "promise.changed", "promise:" + refined.id(), what);
        events.publishEvent(PromiseChanged.of(refined));
        return refined;
    }

    private @Nullable Promise openForResolution(long caseId) {
        List<Promise> open = new ArrayList<>(promises.findByCaseIdAndSourceAndStatus(caseId, Promise.Source.RESOLUTION,
            Promise.Status.OPEN));
        open.addAll(promises.findByCaseIdAndSourceAndStatus(caseId, Promise.Source.REMEDY, Promise.Status.OPEN));
        return open.stream().max(java.util.Comparator.comparing(Promise::madeAt)).orElse(null);
    }

    /** Keeps the open promises made for this record (e.g. remedy:12), when it is delivered. */
    public void keepFor(String reference, Actor by, String how) {
        for (Long id : jdbc.sql("select id from promises where reference = ? and status = 'OPEN'").param(reference)
                .query(Long.class).list()) {
            keep(id, by, how);
        }
    }

    Promise save(long caseId, String what, Promise.Source source, Instant dueAt, @Nullable Long ownerId, Actor madeBy) {
        UserSummary owner = ownerId == null ? null : users.user(ownerId).filter(UserSummary::active)
            .orElseThrow(() -> InvalidInput.field("ownerId", "there is no active user with id " + ownerId));
        Promise promise = promises.save(Promise.make(caseId, what, source, dueAt, owner == null ? null : owner.id(),
            owner == null ? madeBy.name() : owner.name(), madeBy, clock.instant()));
        cases.recordOnTimeline(caseId, "promise.made", "Promise made: " + Text.withoutFinalStop(what) + ", due " + when.format(dueAt)
            + " (owner " + promise.ownerName() + ")");
        audit.record(madeBy, "promise.made", "promise:" + promise.id(), what);
        events.publishEvent(PromiseChanged.of(promise));
        return promise;
    }

    /** Marks a promise kept, by someone who may act on its case. */
    public Promise keep(long promiseId, Actor by, @Nullable String how) {
        Promise open = existing(promiseId);
        access.require(open.caseId(), by, "promise.kept");
        Promise kept = promises.save(open.keep(clock.instant(), Text.optional("note", how, 1_000)));
        cases.recordOnTimeline(kept.caseId(), "promise.kept", "Promise kept: " + kept.description());
        audit.record(by, "promise.kept", "promise:" + promiseId, how);
        events.publishEvent(PromiseChanged.of(kept));
        return kept;
    }

    /** Keeps the open promises a case's resolution made (by hand or through a remedy), when the resolution is fulfilled. */
    void keepResolutionPromises(long caseId, Actor by) {
        for (Promise.Source source : List.of(Promise.Source.RESOLUTION, Promise.Source.REMEDY)) {
            for (Promise open : promises.findByCaseIdAndSourceAndStatus(caseId, source, Promise.Status.OPEN)) {
                keep(open.id(), by, "The resolution was fulfilled");
            }
        }
    }

    /**
     * Breaks every open promise past its due time and flags it on the case. Nodes sweeping
     * at once take different promises ({@code skip locked}); each is broken once.
     */
    public int breakOverdue() {
        Instant now = clock.instant();
        List<Long> overdue = jdbc.sql("""
                select id from promises where status = 'OPEN' and due_at <= ?
                order by due_at limit 500 for update skip locked""")
            .param(java.sql.Timestamp.from(now)).query(Long.class).list();
        for (Long id : overdue) {
            Promise broken = promises.save(existing(id).breakOff(now, "Not kept by its due time"));
            cases.recordOnTimeline(broken.caseId(), "promise.broken", "Promise broken: " + Text.withoutFinalStop(broken.description())
                + " was due " + when.format(broken.dueAt()) + " (owner " + broken.ownerName() + ")");
            audit.record(Actor.SYSTEM, "promise.broken", "promise:" + id, broken.description());
            events.publishEvent(PromiseChanged.of(broken));
        }
        return overdue.size();
    }

    @Transactional(readOnly = true)
    public List<Promise> ofCase(long caseId) {
        return promises.findByCaseIdOrderByIdAsc(caseId);
    }

    /** Promises on cases in the reader's scope, earliest due first. */
    @Transactional(readOnly = true)
    public List<Promise> list(@Nullable Long ownerId, Promise.@Nullable Status status, CaseScope scope, int limit) {
        return jdbc.sql("""
                select id from promises
                where (cast(:owner as bigint) is null or owner_id = :owner)
                  and (cast(:status as text) is null or status = :status)
                  and\s""" + scope.sql("case_id") + " order by due_at limit :limit")
            .param("owner", ownerId).param("status", status == null ? null : status.name()).param("limit", limit)
            .query(Long.class).list().stream().map(this::existing).toList();
    }

    /** Kept and broken promises per owner, or per owner's team, with the share kept. */
    public record KeepingRate(@Nullable Long id, String name, long kept, long broken, double rate) {}

    @Transactional(readOnly = true)
    public List<KeepingRate> keepingRates(boolean byTeam) {
        record Settled(@Nullable Long ownerId, String ownerName, String status, long count) {}
        List<Settled> settled = jdbc.sql("""
                select owner_id, owner_name, status, count(*) as count from promises
                where status <> 'OPEN' group by owner_id, owner_name, status""")
            .query(Settled.class).list();
        Map<Long, UserSummary> people = new LinkedHashMap<>();
        users.users().forEach(user -> people.put(user.id(), user));
        // Grouped by id: two people may share a name. Promises without an owner group by name.
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, KeepingRate> labels = new LinkedHashMap<>();
        for (Settled row : settled) {
            Long id = row.ownerId();
            String name = row.ownerName();
            if (byTeam) {
                UserSummary owner = id == null ? null : people.get(id);
                id = owner == null ? null : owner.teamId();
                name = id == null ? "No team" : users.team(id).map(team -> team.name()).orElse("Team " + id);
            }
            String key = id != null ? "id:" + id : "name:" + name;
            labels.putIfAbsent(key, new KeepingRate(id, name, 0, 0, 0));
            totals.computeIfAbsent(key, k -> new long[2])[row.status().equals("KEPT") ? 0 : 1] += row.count();
        }
        List<KeepingRate> rates = new ArrayList<>();
        totals.forEach((key, counts) -> rates.add(new KeepingRate(labels.get(key).id(), labels.get(key).name(), counts[0],
            counts[1], counts[0] + counts[1] == 0 ? 0 : (double) counts[0] / (counts[0] + counts[1]))));
        return rates;
    }


    private Promise existing(long id) {
        return promises.findById(id).orElseThrow(() -> new NotFound("There is no promise " + id + "."));
    }
}
