package org.redress.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.shared.Actor;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes complaints from every channel. One customer, one thread: a complaint from a
 * customer who already has an open case in the same category joins that case as a new
 * message. With an idempotency key, a retried request returns the case the first one
 * produced, even when both arrive at the same moment.
 */
@Service
public class Intake {

    public static final int DEFAULT_SEVERITY = 3;
    static final int MAX_SUBJECT = 200;
    static final int MAX_MESSAGE = 50_000;
    static final int MAX_KEY = 200;

    /** A complaint as a channel delivers it. */
    public record Complaint(@Nullable CustomerDetails customer, @Nullable String channel, @Nullable String category,
                            @Nullable Integer severity, @Nullable String subject, @Nullable String message) {}

    /** What intake did with a complaint. */
    public enum Result { OPENED, JOINED, REPLAYED }

    public record Received(CaseView recoveryCase, Result result) {}

    private record Checked(CustomerDetails customer, Channel channel, String category, int severity, String subject,
                           String message) {}

    private final CustomerManagement customers;
    private final Cases cases;
    private final CaseRecords records;
    private final CaseViews views;
    private final Taxonomy taxonomy;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Intake(CustomerManagement customers, Cases cases, CaseRecords records, CaseViews views, Taxonomy taxonomy,
           JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.records = records;
        this.views = views;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Received receive(Complaint complaint, @Nullable String idempotencyKey, Actor actor) {
        Checked checked = check(complaint);
        Instant now = clock.instant();
        String key = idempotencyKey == null ? null : Text.required("Idempotency-Key", idempotencyKey, MAX_KEY);
        if (key != null) {
            Optional<Received> earlier = claim(key, fingerprint(checked), now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        CustomerManagement.Identified identified = customers.identify(checked.customer(), actor);
        CustomerView customer = identified.customer();
        Optional<Long> openCase = identified.isNew() ? Optional.empty() : openCaseOf(customer.id(), checked.category());
        Received received = openCase
            .map(open -> join(open, checked, customer, actor, now))
            .orElseGet(() -> open(checked, customer, actor, now));
        if (key != null) {
            jdbc.sql("update intake_keys set case_id = ? where idempotency_key = ?")
                .params(received.recoveryCase().id(), key).update();
        }
        return received;
    }

    private Received open(Checked complaint, CustomerView customer, Actor actor, Instant now) {
        RecoveryCase recoveryCase = RecoveryCase.open(customer.id(), complaint.channel(), complaint.category(),
            complaint.severity(), complaint.subject(), actor, now);
        records.insertNew(recoveryCase);
        long caseId = recoveryCase.id();
        records.append(caseId, recoveryCase.drainHappenings());
        records.addInboundMessage(caseId, complaint.channel(), customer.displayName(), complaint.subject(),
            complaint.message(), now);
        audit.record(actor, "case.opened", "case:" + CaseNumber.format(caseId), complaint.subject());
        events.publishEvent(new CaseOpened(caseId, customer.id(), complaint.channel(), complaint.category(),
            complaint.severity(), now));
        return new Received(views.of(recoveryCase, customer), Result.OPENED);
    }

    // The open case is not rewritten: a message and a timeline line are appended, so a
    // complaint arriving while an agent works on the case never collides with their change.
    private Received join(long caseId, Checked complaint, CustomerView customer, Actor actor, Instant now) {
        records.append(caseId, List.of(new RecoveryCase.Happening(now, actor, "message", "The customer wrote again via "
            + complaint.channel().label().toLowerCase(java.util.Locale.ROOT) + "; the message joined this open case", false)));
        records.addInboundMessage(caseId, complaint.channel(), customer.displayName(), complaint.subject(),
            complaint.message(), now);
        records.touch(caseId, now);
        audit.record(actor, "case.message-added", "case:" + CaseNumber.format(caseId), complaint.subject());
        return new Received(views.of(cases.findById(caseId).orElseThrow(), customer), Result.JOINED);
    }

    private Optional<Long> openCaseOf(long customerId, String category) {
        return jdbc.sql("""
                select id from recovery_cases
                where customer_id = ? and category = ? and status <> 'CLOSED'
                order by id desc limit 1""")
            .params(customerId, category).query(Long.class).optional();
    }

    /**
     * Claims the key by inserting it first. A concurrent request with the same key waits
     * on that insert (PostgreSQL) and then finds it taken, so it returns the case the
     * first request made instead of making another.
     */
    private Optional<Received> claim(String key, String fingerprint, Instant now) {
        int claimed = jdbc.sql("""
                insert into intake_keys (idempotency_key, fingerprint, created_at) values (?, ?, ?)
                on conflict do nothing""")
            .params(key, fingerprint, Timestamp.from(now)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        record Claimed(String fingerprint, @Nullable Long caseId) {}
        Claimed earlier = jdbc.sql("select fingerprint, case_id from intake_keys where idempotency_key = ?")
            .param(key).query(Claimed.class).single();
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new Conflict("This Idempotency-Key was already used for a different complaint; "
                + "use a new key for a new complaint.");
        }
        if (earlier.caseId() == null) {
            throw new Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.");
        }
        RecoveryCase recoveryCase = cases.findById(earlier.caseId()).orElseThrow();
        return Optional.of(new Received(views.of(recoveryCase), Result.REPLAYED));
    }

    private Checked check(Complaint complaint) {
        Checks checks = new Checks();
        CustomerDetails customer = checks.check(() -> customers.validated(complaint.customer()));
        Channel channel = checks.check(() -> Channel.parse("channel", Text.required("channel", complaint.channel(), 20)));
        String category = checks.check(() -> taxonomy.require(Taxonomy.CATEGORY, "category",
            Text.required("category", complaint.category(), 50)));
        Integer severity = checks.check(() -> {
            int value = complaint.severity() == null ? DEFAULT_SEVERITY : complaint.severity();
            if (value < 1 || value > 4) {
                throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low), not " + value);
            }
            return value;
        });
        String subject = checks.check(() -> Text.required("subject", complaint.subject(), MAX_SUBJECT).strip());
        // The customer's own words are kept exactly as given: no trimming, no reformatting.
        String message = checks.check(() -> Text.required("message", complaint.message(), MAX_MESSAGE));
        checks.verify();
        return new Checked(customer, channel, category, severity, subject, message);
    }

    private static String fingerprint(Checked complaint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(complaint.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
