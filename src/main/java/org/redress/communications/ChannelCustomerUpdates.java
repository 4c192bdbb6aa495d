package org.redress.communications;

import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.notifications.CustomerUpdate;
import org.redress.notifications.CustomerUpdateChannel;
import org.redress.platform.PublicAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Customer updates on the channel the case is answered on ({@link CustomerChannels}): in
 * the chat for a chat, by email otherwise; each goes to the outbox, in the transaction that
 * made it. A customer no channel reaches gets none (the timeline still has it, for the
 * agent to pass on). Off with {@code redress.mail.customer-updates=false}.
 */
@Component
@ConditionalOnProperty(name = "redress.mail.customer-updates", havingValue = "true", matchIfMissing = true)
class ChannelCustomerUpdates implements CustomerUpdateChannel {

    private final Outbox outbox;
    private final CaseManagement cases;
    private final CustomerChannels channels;
    private final PublicAddress address;

    ChannelCustomerUpdates(Outbox outbox, CaseManagement cases, CustomerChannels channels, PublicAddress address) {
        this.outbox = outbox;
        this.cases = cases;
        this.channels = channels;
        this.address = address;
    }

    @Override
    public void deliver(CustomerUpdate update) {
        CaseView c = cases.view(update.caseId());
        channels.reaching(c).stream().findFirst().ifPresent(reach -> {
            boolean email = reach.channel().hasSubject();
            String text = update.text() + (update.pagePath() == null ? "" : "\n\n" + address.link(update.pagePath()))
                + (email ? "\n\nYour case number is " + update.caseNumber() + ". Reply to this message to reach us." : "");
            outbox.queue(update.caseId(), reach.channel().route(), reach.address(),
                email ? "Your case " + update.caseNumber() + ": " + subjectOf(update) : null, text, null, "Redress");
        });
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
