package org.redress.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.redress.cases.CaseCategories;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseSearch;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a proactive outreach case for a customer whose score crossed the threshold: at
 * most once per outreach period, and not for a customer who spoke up themselves within
 * it (their own case is the place to recover them). The caller holds the lock on the
 * customer's risk row, so one crossing opens one case however many signals arrive.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Outreach {

    private static final Logger log = LoggerFactory.getLogger(Outreach.class);

    private final JdbcClient jdbc;
    private final RiskSettings settings;
    private final CustomerManagement customers;
    private final Intake intake;
    private final RiskReasons reasons;
    private final CaseManagement cases;
    private final CaseSearch search;
    private final CaseCategories categories;
    private final TransactionTemplate savepoint;

    Outreach(JdbcClient jdbc, RiskSettings settings, CustomerManagement customers, Intake intake, RiskReasons reasons,
             CaseManagement cases, CaseSearch search, CaseCategories categories, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.search = search;
        this.categories = categories;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.reasons = reasons;
        this.jdbc = jdbc;
        this.settings = settings;
        this.customers = customers;
        this.intake = intake;
    }

    void consider(long customerId, double score, Instant now) {
        record State(Instant outreachAt, Instant complainedAt) {}
        State state = jdbc.sql("select outreach_at, complained_at from customer_risk where customer_id = ?").param(customerId)
            .query((rs, n) -> new State(orEpoch(rs.getTimestamp("outreach_at")), orEpoch(rs.getTimestamp("complained_at"))))
            .single();
        Instant periodStart = now.minus(settings.outreachPeriod());
        if (state.outreachAt().isAfter(periodStart) || state.complainedAt().isAfter(periodStart) || search.hasOpenCase(customerId)) {
            return;
        }
        CustomerView customer = customers.get(customerId);
        List<RiskReasons.Reason> reasons = this.reasons.of(customerId, now);
        String why = "Redress sees signs that " + customer.displayName() + " may be unhappy and has not told us (score "
            + String.format(Locale.ROOT, "%.1f", score) + ", threshold " + String.format(Locale.ROOT, "%.1f", settings.threshold())
            + "):\n" + String.join("\n", reasons.stream().map(r -> "- " + r.kind().label() + (r.occurrences() > 1
                ? " (" + r.occurrences() + " times)" : "") + ": " + r.lastReason()).toList())
            + "\n\nReach out before they leave: ask how things are, own what went wrong, and put it right.";
        String subject = "Reach out: " + String.join(", ", reasons.stream().limit(3).map(r -> r.kind().label().toLowerCase(Locale.ROOT)).toList());
        // The customer has said nothing: their words stay empty of ours, and the reasons go on the timeline as a note.
        // In a savepoint: a case that cannot be opened must not lose the signal that crossed the threshold.
        Long caseId;
        try {
            caseId = savepoint.execute(status -> {
                long id = intake.receive(new Intake.Complaint(
                        CustomerDetails.of(customer.externalRef(), customer.name(), customer.email(), customer.phone()),
                        "proactive", categories.activeOr(settings.outreachCategory()), 3,
                        subject.length() > 200 ? subject.substring(0, 200) : subject,
                        "(Nothing from the customer yet. Redress opened this case so that we reach out first; the note on the timeline says why.)"),
                    "risk-outreach-" + customerId + "-" + now.getEpochSecond(), Actor.SYSTEM).recoveryCase().id();
                cases.addNote(id, Actor.SYSTEM, why.length() > 9_000 ? why.substring(0, 9_000) + "…" : why);
                return id;
            });
        } catch (TransientDataAccessException passing) {
            throw passing;
        } catch (RuntimeException e) {
            log.warn("No outreach case could be opened for customer {}: {}", customerId, e.toString());
            return;
        }
        jdbc.sql("update customer_risk set outreach_at = ?, outreach_case_id = ? where customer_id = ?")
            .params(Timestamp.from(now), caseId, customerId).update();
    }

    private static Instant orEpoch(Timestamp timestamp) {
        return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
    }
}
