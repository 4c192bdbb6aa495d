package org.redress.risk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.redress.cases.CaseCategories;
import org.redress.cases.CaseManagement;
import org.redress.cases.Intake;
import org.redress.customers.CustomerDetails;
import org.redress.customers.CustomerView;
import org.redress.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens an outreach case: channel proactive, the customer's words left empty (they have
 * said nothing), and the reasons on the timeline as a note. In a savepoint: a case that
 * cannot be opened must not lose the signal that crossed the threshold, so the failure is
 * logged and the next signal tries again.
 */
@Component
class OutreachCases {

    private static final Logger log = LoggerFactory.getLogger(OutreachCases.class);
    static final String NO_WORDS_YET =
        "(Nothing from the customer yet. Redress opened this case so that we reach out first; the note on the timeline says why.)";

    private final Intake intake;
    private final CaseManagement cases;
    private final CaseCategories categories;
    private final RiskSettings settings;
    private final TransactionTemplate savepoint;

    OutreachCases(Intake intake, CaseManagement cases, CaseCategories categories, RiskSettings settings,
                  PlatformTransactionManager transactions) {
        this.intake = intake;
        this.cases = cases;
        this.categories = categories;
        this.settings = settings;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The case opened, or empty if it could not be. */
    Optional<Long> open(CustomerView customer, double score, List<RiskReasons.Reason> reasons, Instant now) {
        String why = "Redress sees signs that " + customer.displayName() + " may be unhappy and has not told us (score "
            + String.format(Locale.ROOT, "%.1f", score) + ", threshold " + String.format(Locale.ROOT, "%.1f", settings.threshold())
            + "):\n" + String.join("\n", reasons.stream().map(r -> "- " + r.kind().label() + (r.occurrences() > 1
                ? " (" + r.occurrences() + " times)" : "") + ": " + r.lastReason()).toList())
            + "\n\nReach out before they leave: ask how things are, own what went wrong, and put it right.";
        String subject = "Reach out: " + String.join(", ",
            reasons.stream().limit(3).map(r -> r.kind().label().toLowerCase(Locale.ROOT)).toList());
        try {
            return Optional.ofNullable(savepoint.execute(status -> {
                long id = intake.receive(new Intake.Complaint(
                        CustomerDetails.of(customer.externalRef(), customer.name(), customer.email(), customer.phone()),
                        "proactive", categories.activeOr(settings.outreachCategory()), 3,
                        subject.length() > 200 ? subject.substring(0, 200) : subject, NO_WORDS_YET),
                    "risk-outreach-" + customer.id() + "-" + now.getEpochSecond(), Actor.SYSTEM).recoveryCase().id();
                cases.addNote(id, Actor.SYSTEM, why.length() > 9_000 ? why.substring(0, 9_000) + "…" : why);
                return id;
            }));
        } catch (TransientDataAccessException passing) {
            throw passing;
        } catch (RuntimeException e) {
            log.warn("No outreach case could be opened for customer {}: {}", customer.id(), e.toString());
            return Optional.empty();
        }
    }
}
