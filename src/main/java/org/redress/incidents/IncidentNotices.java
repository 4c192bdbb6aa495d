package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.communications.CustomerNotices;
import org.redress.communications.Purpose;
import org.redress.shared.Actor;
import org.redress.links.RandomToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells affected customers, in chunks: each transaction locks the incident, claims up to
 * {@code notice-chunk} customers not yet handled ({@code skip locked}), queues their
 * notices in the outbox and marks them notified, so a notice is queued exactly once
 * however often the sweep runs, on however many nodes, across restarts. Notices are spread
 * at {@code notices-per-minute} over all incidents: {@code incidents.notices_until} carries
 * where the schedule stands. Customers without an email are marked handled, not notified.
 */
@Component
class IncidentNotices {

    private static final Logger log = LoggerFactory.getLogger(IncidentNotices.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final Duration BUDGET = Duration.ofSeconds(50);

    private record Incident(long id, String title, String whatHappened, String plan, LocalDate fixBy,
                            @Nullable String notifyRequestedBy) {}

    private record Claimed(long id, long customerId) {}

    private record Reach(long id, @Nullable String name, @Nullable String email) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CustomerNotices notices;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final IncidentSettings settings;
    private final Clock clock;

    IncidentNotices(JdbcClient jdbc, JdbcTemplate batch, CustomerNotices notices, TransactionTemplate transactions,
                    AuditTrail audit, IncidentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.notices = notices;
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues notices for every customer waiting for one; returns how many were queued. */
    int notifyDue() {
        Instant stopAt = clock.instant().plus(BUDGET);
        int queued = 0;
        List<Long> incidents = jdbc.sql("""
                select i.id from incidents i
                where i.status = 'OPEN' and i.notify_requested_at is not null
                  and exists (select 1 from incident_customers ic where ic.incident_id = i.id and ic.handled_at is null)
                order by i.id""").query(Long.class).list();
        for (long incident : incidents) {
            int done;
            do {
                Integer chunk = transactions.execute(status -> chunk(incident));
                done = chunk == null ? 0 : chunk;
                queued += done;
            } while (done > 0 && clock.instant().isBefore(stopAt));
        }
        return queued;
    }

    // Returns how many customers were handled (notified or found unreachable); 0 when none are left.
    private int chunk(long incidentId) {
        Incident incident = jdbc.sql("""
                select id, title, what_happened, plan, fix_by, notify_requested_by from incidents
                where id = ? and status = 'OPEN' and notify_requested_at is not null for update""")
            .param(incidentId).query(Incident.class).optional().orElse(null);
        if (incident == null) {
            return 0;
        }
        List<Claimed> claimed = jdbc.sql("""
                select id, customer_id from incident_customers where incident_id = ? and handled_at is null
                order by id limit ? for update skip locked""")
            .params(incidentId, settings.noticeChunk()).query(Claimed.class).list();
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, Reach> reach = new HashMap<>();
        jdbc.sql("select id, name, email from customers where id in (:ids)")
            .param("ids", claimed.stream().map(Claimed::customerId).toList()).query(Reach.class).list()
            .forEach(r -> reach.put(r.id(), r));

        Instant now = clock.instant();
        Duration gap = Duration.ofNanos(60_000_000_000L / settings.noticesPerMinute());
        Instant next = pace(now);
        List<CustomerNotices.Notice> queue = new ArrayList<>();
        List<Object[]> notified = new ArrayList<>();
        List<Long> unreachable = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Claimed customer : claimed) {
            Reach to = reach.get(customer.customerId());
            if (to == null || to.email() == null) {
                unreachable.add(customer.id());
                continue;
            }
            String token = RandomToken.INCIDENT.mint();
            queue.add(new CustomerNotices.Notice(to.email(), values(incident, to, notices.publicLink("/i/" + token)), null, next));
            notified.add(new Object[] {at, at, RandomToken.INCIDENT.hash(token), null, customer.id()});
            next = next.plus(gap);
        }
        if (!queue.isEmpty()) {
            List<String> messageIds = notices.queue(Purpose.INCIDENT_NOTICE, null, queue, "incident:" + IncidentView.number(incidentId));
            for (int i = 0; i < notified.size(); i++) {
                notified.get(i)[3] = messageIds.get(i);
            }
            batch.batchUpdate("update incident_customers set handled_at = ?, notified_at = ?, token_hash = ?, message_id = ? where id = ?",
                notified);
            jdbc.sql("update incidents set notices_until = ? where id = ?").params(Timestamp.from(next), incidentId).update();
        }
        if (!unreachable.isEmpty()) {
            jdbc.sql("update incident_customers set handled_at = :at where id in (:ids)")
                .param("at", at).param("ids", unreachable).update();
        }
        audit.record(Actor.SYSTEM, "incident.notices-queued", "incident:" + IncidentView.number(incidentId),
            queue.size() + " notices queued" + (unreachable.isEmpty() ? "" : ", " + unreachable.size() + " customers without an email"));
        log.debug("Incident {}: {} notices queued, {} customers unreachable", incidentId, queue.size(), unreachable.size());
        return claimed.size();
    }

    // Where the schedule of all incidents' notices stands: never in the past, never before the last one planned.
    private Instant pace(Instant now) {
        Timestamp until = jdbc.sql("select max(notices_until) from incidents").query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return until == null || until.toInstant().isBefore(now) ? now : until.toInstant();
    }

    /** The notice as a customer called Maria Lopez would receive it (the link is a sample). */
    CustomerNotices.Draft preview(IncidentView incident, String agentName) {
        return notices.draft(Purpose.INCIDENT_NOTICE, null, values(incident.title(), incident.whatHappened(), incident.plan(),
            incident.fixBy(), "Maria Lopez", notices.publicLink("/i/sample-link"), agentName));
    }

    static Map<String, String> values(Incident incident, Reach to, String link) {
        return values(incident.title(), incident.whatHappened(), incident.plan(), incident.fixBy(),
            to.name() == null ? "customer" : to.name(), link, incident.notifyRequestedBy());
    }

    static Map<String, String> values(String title, String what, String plan, LocalDate fixBy, String customerName, String link,
                                      @Nullable String agentName) {
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", customerName);
        values.put("customer.link", link);
        values.put("incident.title", title);
        values.put("incident.what", what);
        values.put("incident.plan", plan);
        values.put("incident.date", DATE.format(fixBy));
        values.put("agent.name", agentName == null ? "The customer care team" : agentName);
        return values;
    }
}
