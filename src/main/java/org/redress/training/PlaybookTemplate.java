package org.redress.training;

import java.util.List;

/**
 * The shape a manager starts a scenario from: the complaint, the first answer (the playbook's,
 * an excuse, policy), the customer pushing back, the remedy, and two endings; each with words to
 * replace. Every move already leads on and says why, so the draft is playable as it stands.
 */
final class PlaybookTemplate {

    private PlaybookTemplate() {
    }

    static Script script() {
        return new Script("complaint", List.of(
            new Script.Node("complaint", "(What the customer writes first.)", List.of(
                new Script.Move("Thank them, say sorry plainly, own our part and say what happens next and by when.", true,
                    "The playbook's first answer: acknowledge, apologise, own our part, give a date.", "remedy"),
                new Script.Move("Explain what went wrong elsewhere (the courier, the system).", false,
                    "An excuse without ownership: the customer hears that nobody is responsible.", "pushback"),
                new Script.Move("Quote the policy that applies.", false, "Policy first sounds like a wall: say what you will do.",
                    "pushback")),
                new Script.Written(List.of("APOLOGY", "OWN_PART", "DATE"), "remedy")),
            new Script.Node("pushback", "(How the customer reacts to a poor first answer.)", List.of(
                new Script.Move("Apologise without \"but\", own our part and say what you will do by when.", true,
                    "It is never too late to recover.", "remedy"),
                new Script.Move("Repeat the explanation.", false, "Saying it again does not make it fair.", "lost")), null),
            new Script.Node("remedy", "(What the customer asks for, or how they feel now.)", List.of(
                new Script.Move("Offer what matches what they lost, within your authority, with a date.", true,
                    "A fair remedy agreed with them wins them back.", "won"),
                new Script.Move("Offer a standard voucher.", false, "A token not matched to the loss reads as buying them off.", "lost")),
                null),
            new Script.Node("won", "(The customer, won back.)", List.of(), null),
            new Script.Node("lost", "(The customer, lost.)", List.of(), null)));
    }
}
