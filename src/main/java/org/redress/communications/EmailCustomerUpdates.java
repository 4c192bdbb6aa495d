package org.redress.communications;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.notifications.CustomerUpdate;
import org.redress.notifications.CustomerUpdateChannel;
import org.redress.platform.PublicAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Customer updates by email: each goes to the outbox, in the transaction that made it, for
 * customers with an email address. Off with {@code redress.mail.customer-updates=false}.
 */
@Component
@ConditionalOnProperty(name = "redress.mail.customer-updates", havingValue = "true", matchIfMissing = true)
class EmailCustomerUpdates implements CustomerUpdateChannel {

    private final Outbox outbox;
    private final CaseManagement cases;
    private final PublicAddress address;

    EmailCustomerUpdates(Outbox outbox, CaseManagement cases, PublicAddress address) {
        this.outbox = outbox;
        this.cases = cases;
        this.address = address;
    }

    @Override
    public void deliver(CustomerUpdate update) {
        CaseView c = cases.view(update.caseId());
        if (c.customer().email() == null) {
            return;
        }
        String text = update.text() + (update.pagePath() == null ? ""
            : "\n\n" + address.link(update.pagePath()))
            + "\n\nYour case number is " + update.caseNumber() + ". Reply to this message to reach us.";
        outbox.queue(update.caseId(), "email", c.customer().email(), "Your case " + update.caseNumber() + ": " + subjectOf(update),
            text, null, "Redress");
    }

    private static String subjectOf(CustomerUpdate update) {
        return switch (update.kind()) {
            case "acknowledged" -> "we have your message";
            case "resolution-agreed" -> "what we agreed";
            case "remedy-offered" -> "our proposal";
            case "fulfilled" -> "done";
            case "closed" -> "closed";
            case "reopened" -> "reopened";
            case "promise-broken" -> "we are late, and sorry";
            default -> "an update";
        };
    }
}
