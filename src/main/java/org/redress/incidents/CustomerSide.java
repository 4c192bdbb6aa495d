package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.Intake;
import org.redress.customers.CustomerManagement;
import org.redress.links.RandomToken;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.Secrets;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an affected customer does through their link: opening it (recorded the first time)
 * and saying the incident affected them, in their own words, which opens or joins a
 * recovery case (channel proactive) linked to them. The same words sent twice (a double
 * click, a retry) open nothing more.
 */
@Service
@Transactional
class CustomerSide {

    /** What the customer's page shows. */
    record Page(long incidentCustomerId, String title, String whatHappened, String plan, LocalDate fixBy, boolean closed,
                @Nullable String customerName, @Nullable Instant repliedAt, @Nullable String reply) {}

    private record Found(long id, long incidentId, long customerId, @Nullable Instant openedAt, @Nullable Instant repliedAt,
                         @Nullable String reply, String title, String whatHappened, String plan, LocalDate fixBy,
                         String category, int severity, String status) {}

    private final JdbcClient jdbc;
    private final Intake intake;
    private final CustomerManagement customers;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerSide(JdbcClient jdbc, Intake intake, CustomerManagement customers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The page the token opens, if it opens one; the first opening is recorded. */
    Optional<Page> open(String token) {
        return find(token, false).map(found -> {
            if (found.openedAt() == null) {
                jdbc.sql("update incident_customers set opened_at = ? where id = ? and opened_at is null")
                    .params(Timestamp.from(clock.instant()), found.id()).update();
            }
            return page(found);
        });
    }

    /** The customer says it affected them: their words open or join a linked case. Empty for a token that opens nothing. */
    Optional<Page> reply(String token, @Nullable String words) {
        Optional<Found> match = find(token, true);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Found found = match.get();
        if (!found.status().equals("OPEN")) {
            throw new Conflict("This incident is over. If something is still wrong, reply to our message and we will help.");
        }
        String text = Text.required("message", words, Intake.MAX_MESSAGE);
        String key = "incident-reply:" + found.id() + ":" + Secrets.sha256Hex(text.strip()).substring(0, 16);
        long caseId = intake.receive(new Intake.Complaint(IncidentCases.details(customers.get(found.customerId())), "proactive",
            found.category(), found.severity(), found.title(), text), key, Actor.SYSTEM).recoveryCase().id();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update incident_customers set replied_at = coalesce(replied_at, ?), reply = ?, case_id = ?,
                       opened_at = coalesce(opened_at, ?), case_handled_at = coalesce(case_handled_at, ?)
                where id = ?""")
            .params(now, text, caseId, now, now, found.id()).update();
        audit.record(Actor.SYSTEM, "incident.customer-replied", "incident:" + IncidentView.number(found.incidentId()),
            "customer " + found.customerId() + " says it affected them (case " + caseId + ")");
        return find(token, false).map(this::page);
    }

    private Optional<Found> find(String token, boolean lock) {
        if (!RandomToken.INCIDENT.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<Found> found = jdbc.sql("""
                select ic.id, ic.incident_id, ic.customer_id, ic.opened_at, ic.replied_at, ic.reply, i.title, i.what_happened,
                       i.plan, i.fix_by, i.category, i.severity, i.status
                from incident_customers ic join incidents i on i.id = ic.incident_id
                where ic.token_hash = ?""")
            .param(RandomToken.INCIDENT.hash(token)).query(Found.class).optional();
        if (lock && found.isPresent()) {
            // Two replies at once from one customer are taken one after the other.
            jdbc.sql("select id from incident_customers where id = ? for update").param(found.get().id()).query(Long.class).single();
            return find(token, false);
        }
        return found;
    }

    private Page page(Found found) {
        String name = customers.find(found.customerId()).map(c -> c.name()).orElse(null);
        return new Page(found.id(), found.title(), found.whatHappened(), found.plan(), found.fixBy(), !found.status().equals("OPEN"),
            name, found.repliedAt(), found.reply());
    }
}
