package org.redress.demo;

import java.util.List;

import org.redress.identity.RedressUser;
import org.redress.training.Certifications;
import org.redress.training.Scenarios;
import org.redress.training.Script;
import org.springframework.stereotype.Component;

/** The demo's certification rule and scenarios: one written by a manager, one made from a resolved case; both published. */
@Component
class DemoScenarios {

    private final Scenarios scenarios;
    private final Certifications certifications;

    DemoScenarios(Scenarios scenarios, Certifications certifications) {
        this.scenarios = scenarios;
        this.certifications = certifications;
    }

    void certification(RedressUser manager) {
        certifications.define(manager, "RECOVERY_2", new Certifications.Request("Recovery, level 2", "FIRST_ANSWER", 1, 80, 90,
            "refund", "120.00", "1200.00", true));
    }

    void write(RedressUser manager) {
        Scenarios.Scenario written = scenarios.write(manager, new Scenarios.Request("Broken on arrival, twice",
            "A customer's second broken delivery this month, and their patience with it.", new Script("first", List.of(
                new Script.Node("first", "This is the second time this month my order has arrived broken. I am done with this.", List.of(
                    new Script.Move("I'm so sorry, twice in a month is on us. I'm sending a replacement today; it arrives by Thursday.",
                        true, "Acknowledge, apologise, own our part and give a date: all four in the first answer.", "remedy"),
                    new Script.Move("Could you send photos of the damage so we can open a claim with the courier?", false,
                        "Asking for evidence first, and pointing at the courier, tells them their word is not enough.", "angry"),
                    new Script.Move("Our policy is to replace items once a claim is approved.", false,
                        "Policy first sounds like a wall: say what you will do, not what the rules are.", "angry")),
                    new Script.Written(List.of("APOLOGY", "OWN_PART", "DATE"), "remedy")),
                new Script.Node("angry", "So I have to prove it? I have been buying from you for six years.", List.of(
                    new Script.Move("You're right, and I'm sorry. No photos needed: a replacement goes out today and arrives by Thursday.",
                        true, "It is never too late to recover: drop the demand, apologise, give a date.", "remedy"),
                    new Script.Move("I understand, but without photos I cannot help.", false, "\"But\" undoes the apology.", "lost")),
                    null),
                new Script.Node("remedy", "Fine. And what about the hassle of twice in a month?", List.of(
                    new Script.Move("A refund of the delivery charges for both orders, within your authority, with the replacement.", true,
                        "A remedy matched to what they went through, granted on the spot.", "won"),
                    new Script.Move("A 5% voucher for next time.", false, "A token that asks them to buy again reads as buying them off.",
                        "lost")),
                    null),
                new Script.Node("won", "Thank you. That is more than fair.", List.of(), null),
                new Script.Node("lost", "Forget it. I will shop elsewhere.", List.of(), null)))));
        scenarios.publish(manager, written.id());
    }

    void fromCase(RedressUser lead, long caseId) {
        scenarios.publish(lead, scenarios.fromCase(lead, caseId).id());
    }
}
