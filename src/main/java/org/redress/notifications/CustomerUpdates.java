package org.redress.notifications;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.redress.cases.CaseClosed;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseReopened;
import org.redress.cases.CaseView;
import org.redress.cases.Outcome;
import org.redress.cases.PlaybookStep;
import org.redress.cases.ResolutionAgreed;
import org.redress.cases.ResolutionReopened;
import org.redress.cases.StepRecorded;
import org.redress.links.CaseLinks;
import org.redress.promises.Promise;
import org.redress.promises.PromiseChanged;
import org.redress.remedies.RemedyChanged;
import org.jspecify.annotations.Nullable;
import org.redress.shared.Text;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer informed: each change they should hear of becomes a
 * {@link CustomerUpdate}, recorded on the case's timeline as "Update to customer: …" and
 * handed to every {@link CustomerUpdateChannel}. The acknowledgement is the agent's own
 * words when they wrote some. Promises that a resolution made are told with it, not twice;
 * an offer accepted is confirmed as the resolution it makes.
 */
@Component
class CustomerUpdates {

    private final CaseManagement cases;
    private final CaseLinks links;
    private final List<CustomerUpdateChannel> channels;
    private final DateTimeFormatter day;
    private final ZoneId businessZone;

    CustomerUpdates(CaseManagement cases, CaseLinks links, List<CustomerUpdateChannel> channels, ZoneId businessZone) {
        this.cases = cases;
        this.links = links;
        this.channels = channels;
        this.businessZone = businessZone;
        this.day = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    }

    @EventListener
    void on(StepRecorded recorded) {
        switch (recorded.step()) {
            case ACKNOWLEDGE -> {
                // What the agent wrote is the first answer; without their words, a short one of ours.
                CaseView c = cases.view(recorded.caseId());
                String written = c.step(PlaybookStep.ACKNOWLEDGE).note();
                send(c, "acknowledged", written != null && !written.isBlank() ? written.strip()
                    : "We have received your message about \"" + c.subject() + "\" (case " + c.number() + "). "
                        + (c.assignee() == null ? "Our team" : c.assignee().name()) + " is looking into it and will keep you posted.");
            }
            case FULFIL -> {
                CaseView c = cases.view(recorded.caseId());
                send(c, "fulfilled", "We have done what we agreed" + (c.resolution() == null ? "" : ": " + Text.withoutFinalStop(c.resolution()))
                    + ". We will check back with you soon to make sure all is well.");
            }
            default -> {
                // the other steps are the agent's own words to the customer, not status updates
            }
        }
    }

    /** What was agreed is confirmed once: an agreement refined before delivery is not confirmed again. */
    @EventListener
    void on(ResolutionAgreed agreed) {
        if (agreed.refinement()) {
            return;
        }
        CaseView c = cases.view(agreed.caseId());
        send(c, "resolution-agreed", "Here is what we agreed: " + Text.withoutFinalStop(agreed.resolution())
            + ". We will deliver it by " + day.format(agreed.promisedBy()) + ".");
    }

    @EventListener
    void on(ResolutionReopened reopened) {
        CaseView c = cases.view(reopened.caseId());
        send(c, "resolution-reopened", "Thank you for telling us this is not yet right. We are working out a better "
            + "resolution with you and will be in touch shortly.");
    }

    @EventListener
    void on(CaseClosed closed) {
        if (closed.outcome() == null) {
            // Closed as a duplicate (the customer hears on the case it repeats), spam or not a complaint: nothing to tell.
            return;
        }
        CaseView c = cases.view(closed.caseId());
        send(c, "closed", closed.outcome() == Outcome.RECOVERED
            ? "Your case " + c.number() + " is now closed. Thank you for giving us the chance to put this right."
            : "Your case " + c.number() + " is now closed. If anything is still not right, just reply and we will pick it up.");
    }

    @EventListener
    void on(CaseReopened reopened) {
        CaseView c = cases.view(reopened.caseId());
        send(c, "reopened", "We have reopened your case " + c.number() + " and are looking into it again.");
    }

    @EventListener
    void on(PromiseChanged promise) {
        if (promise.source() != Promise.Source.MANUAL && promise.status() != Promise.Status.BROKEN) {
            return;
        }
        CaseView c = cases.view(promise.caseId());
        String what = Text.withoutFinalStop(promise.description());
        LocalDate due = LocalDate.ofInstant(promise.dueAt(), businessZone);
        switch (promise.status()) {
            case OPEN -> send(c, "promise-made", "We promise: " + what + ", by " + day.format(due) + ".");
            case KEPT -> send(c, "promise-kept", "Done, as promised: " + what + ".");
            case BROKEN -> send(c, "promise-broken", "We are sorry: we have not yet kept our promise (" + what + ", by "
                + day.format(due) + "). " + promise.ownerName() + " is on it and will tell you when it will be done.");
        }
    }

    /**
     * An offer is told to the customer once, with the link of that offer to their page (the
     * same link the agent sees, for other channels).
     */
    @EventListener
    void on(RemedyChanged remedy) {
        switch (remedy.state()) {
            case "OFFERED" -> send(cases.view(remedy.caseId()), "remedy-offered", "We would like to put this right: "
                + Text.withoutFinalStop(remedy.terms()) + (remedy.deliverBy() == null ? "" : ", delivered by " + day.format(remedy.deliverBy()))
                + ". Open your case page to accept it or to propose something else.", links.linkFor(remedy.caseId()).token());
            default -> {
                // Granting and approval are not news to the customer, nor are their own answers; an
                // agreement is confirmed with the resolution it makes (ResolutionAgreed), once.
            }
        }
    }

    private void send(CaseView c, String kind, String text) {
        send(c, kind, text, null);
    }

    private void send(CaseView c, String kind, String text, @Nullable String pageToken) {
        cases.recordOnTimeline(c.id(), "customer.update", "Update to customer: " + text);
        CustomerUpdate update = new CustomerUpdate(c.id(), c.number(), c.customer().id(), kind, text,
            pageToken == null ? null : "/c/" + pageToken);
        channels.forEach(channel -> channel.deliver(update));
    }

}
