package org.redress.training;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseMessage;
import org.redress.cases.CaseView;
import org.redress.cases.Outcome;

/**
 * A first draft of a scenario from a resolved case: the customer's own words (anonymised) open
 * it, and the moves follow the playbook (acknowledge, apologise and own our part with a date;
 * then a fair remedy agreed with the customer), each against the moves the playbook warns about
 * (policy, blame, asking before listening, a remedy not matched to the loss). The customer's
 * next message, if there was one, is their reaction; the case's outcome is the good ending. A
 * lead edits it and publishes it.
 */
final class CaseScenario {

    private CaseScenario() {
    }

    record Draft(String title, String summary, Script script) {}

    static Draft of(CaseView c, List<CaseMessage> messages, Anonymiser anonymiser) {
        List<CaseMessage> fromCustomer = messages.stream().filter(CaseMessage::fromCustomer).toList();
        String complaint = fromCustomer.isEmpty() ? c.subject() : fromCustomer.get(0).body();
        String reply = fromCustomer.size() > 1 ? anonymiser.clean(fromCustomer.get(1).body())
            : "Thank you for saying that. So what will you do about it?";
        String remedy = c.resolution() == null ? "Offer what fits what they lost, within your authority, and say by when it happens."
            : "Offer what put it right on this case (" + anonymiser.clean(c.resolution()) + ") and say by when it happens.";
        String category = c.category().replace('_', ' ').toLowerCase(Locale.ROOT);
        List<Script.Node> nodes = List.of(
            new Script.Node("complaint", anonymiser.clean(complaint), List.of(
                new Script.Move("Thank them for telling you, say sorry plainly, own our part and say what happens next and by when.", true,
                    "The playbook's first answer: acknowledge, apologise without \"but\", own our part, give a date.", "asked"),
                new Script.Move("Explain the " + category + " policy and what they should have done.", false,
                    "It hides behind policy and puts it on the customer: they hear that it is their fault.", "pushback"),
                new Script.Move("Ask for their order details and say you will look into it.", false,
                    "Asking before listening, without a date, leaves them to chase us.", "pushback")),
                new Script.Written(List.of("APOLOGY", "OWN_PART", "DATE"), "asked")),
            new Script.Node("pushback", "That is not good enough. I have been a customer for years and this is how you treat me?", List.of(
                new Script.Move("Apologise without \"but\", own our part and say what you will do by when.", true,
                    "It is never too late to recover: the apology and a date turn the conversation.", "asked"),
                new Script.Move("Repeat what the policy says, politely.", false, "Saying it again does not make it fair.", "lost")),
                null),
            new Script.Node("asked", reply, List.of(
                new Script.Move(remedy, true, "A fair remedy matched to what they lost, agreed with them and with a date, is what "
                    + "wins them back.", "recovered"),
                new Script.Move("Send a standard voucher and close the case.", false,
                    "A remedy not matched to the loss, without asking them, reads as buying them off.", "lost")),
                null),
            new Script.Node("recovered", ending(c.outcome()), List.of(), null),
            new Script.Node("lost", "I will take my business elsewhere.", List.of(), null));
        String title = "Complaint: " + category + ", severity " + c.severity();
        return new Draft(title, anonymiser.clean(c.subject()), new Script("complaint", nodes).verified());
    }

    private static String ending(@Nullable Outcome outcome) {
        return outcome == Outcome.RECOVERED ? "Thank you. That puts it right, and thank you for owning it."
            : "Fine. Let us see whether it actually happens this time.";
    }
}
