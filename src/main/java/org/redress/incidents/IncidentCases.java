package org.redress.incidents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseClosed;
import org.redress.cases.Intake;
import org.redress.cases.Outcome;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linked cases: one opened (or joined) through intake for each affected customer when the
 * incident asks for it, after their notice is queued (they hear it from us first), one customer per transaction with an idempotency key per incident
 * and customer, so a restart never opens a second. A linked case that closes as recovered
 * marks its customer recovered (in the case's transaction); closing as not recovered
 * clears it.
 */
@Component
class IncidentCases {

    private static final Logger log = LoggerFactory.getLogger(IncidentCases.class);
    private static final Duration BUDGET = Duration.ofSeconds(50);

    private record Incident(long id, String title, String whatHappened, String plan, LocalDate fixBy, String category,
                            int severity) {}

    private record Claimed(long id, long incidentId, long customerId) {}

    private final JdbcClient jdbc;
    private final Intake intake;
    private final CustomerManagement customers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IncidentCases(JdbcClient jdbc, Intake intake, CustomerManagement customers, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Opens the linked cases still to open; returns how many customers were handled. */
    int openDue() {
        Instant stopAt = clock.instant().plus(BUDGET);
        int handled = 0;
        while (clock.instant().isBefore(stopAt)) {
            Claimed claimed;
            try {
                claimed = transactions.execute(status -> openNext());
            } catch (RuntimeException failed) {
                // A customer intake refuses (e.g. details that now conflict) must not stop the others.
                log.warn("Could not open a linked incident case: {}", failed.getMessage());
                claimed = transactions.execute(status -> skipNext());
            }
            if (claimed == null) {
                return handled;
            }
            handled++;
        }
        return handled;
    }

    private @Nullable Claimed next() {
        return jdbc.sql("""
                select ic.id, ic.incident_id, ic.customer_id from incident_customers ic
                where ic.case_handled_at is null and ic.handled_at is not null and ic.incident_id in
                      (select i.id from incidents i where i.status = 'OPEN' and i.open_cases and i.notify_requested_at is not null)
                order by ic.id limit 1 for update skip locked""")
            .query(Claimed.class).optional().orElse(null);
    }

    private @Nullable Claimed openNext() {
        Claimed claimed = next();
        if (claimed == null) {
            return null;
        }
        Incident incident = jdbc.sql("select id, title, what_happened, plan, fix_by, category, severity from incidents where id = ?")
            .param(claimed.incidentId()).query(Incident.class).single();
        CustomerView customer = customers.get(claimed.customerId());
        String message = "We told this customer about incident " + IncidentView.number(incident.id()) + " before they "
            + "complained.\n\nWhat happened: " + incident.whatHappened() + "\n\nWhat we are doing: " + incident.plan()
            + "\n\nFixed by: " + incident.fixBy();
        long caseId = intake.receive(new Intake.Complaint(details(customer), "proactive", incident.category(),
                incident.severity(), incident.title(), message),
            "incident:" + incident.id() + ":customer:" + customer.id(), Actor.SYSTEM).recoveryCase().id();
        jdbc.sql("update incident_customers set case_id = coalesce(case_id, ?), case_handled_at = ? where id = ?")
            .params(caseId, Timestamp.from(clock.instant()), claimed.id()).update();
        return claimed;
    }

    private @Nullable Claimed skipNext() {
        Claimed claimed = next();
        if (claimed != null) {
            jdbc.sql("update incident_customers set case_handled_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), claimed.id()).update();
        }
        return claimed;
    }

    static CustomerDetails details(CustomerView customer) {
        return CustomerDetails.of(customer.externalRef(), customer.name(), customer.email(), null);
    }

    @EventListener
    void on(CaseClosed closed) {
        jdbc.sql("update incident_customers set recovered_at = ? where case_id = ?")
            .params(closed.outcome() == Outcome.RECOVERED ? Timestamp.from(closed.closedAt()) : null, closed.caseId()).update();
    }
}
