package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.redress.communications.ToneCoach.Rule;

/** The coach on a table of drafts, good and bad, with what it must (and must not) say. */
class ToneCoachTests {

    private final ToneCoach coach = new ToneCoach(new ToneSettings(Set.of(), 280, 600, 350, Map.of()));

    static Stream<Arguments> drafts() {
        return Stream.of(
            // Good drafts: nothing to say.
            draft("I am sorry. We got this wrong, and I will send the replacement by Friday.", Purpose.APOLOGY, "email"),
            draft("Thank you for telling us. I am looking into it and will write again tomorrow.", Purpose.ACKNOWLEDGEMENT, "email"),
            draft("I apologise for the delay. The courier lost the parcel; that's on us. A new one leaves today.", Purpose.EXPLANATION, "email"),
            draft("To confirm: a refund of 49.90 EUR, paid by Wednesday 25 November.", Purpose.CONFIRMATION, "email"),
            draft("We would like to offer a 20% discount on your next order, valid within 30 days.", Purpose.OFFER, "email"),
            draft("Quick update: the technician will call you tomorrow between 9 and 12.", Purpose.STATUS_UPDATE, "email"),
            draft("We are sorry to read this. Please send us a direct message and we will help.", Purpose.ACKNOWLEDGEMENT, "social"),
            draft("Is everything right now? Just reply either way.", Purpose.FOLLOW_UP, "email"),
            draft("We regret that the service was down this morning. It is back, and we will credit your account by Monday.", Purpose.INCIDENT_NOTICE, "email"),
            draft("Your case RC-000123 is with me now.", null, "email"),
            // Blame.
            draft("You should have read the instructions. I am sorry it broke.", Purpose.APOLOGY, "email", Rule.BLAME),
            draft("You failed to enter the right address, so the parcel went back.", null, "email", Rule.BLAME),
            draft("If you had called earlier we could have helped.", null, "email", Rule.BLAME),
            draft("It was your fault the payment failed.", null, "email", Rule.BLAME),
            // Policy.
            draft("Per our policy, refunds take 30 days.", null, "email", Rule.POLICY),
            draft("I am sorry, but there is nothing we can do.", Purpose.APOLOGY, "email", Rule.POLICY),
            draft("Company policy does not allow exceptions.", null, "email", Rule.POLICY),
            draft("Please read our terms and conditions.", null, "email", Rule.POLICY),
            // Excuses without ownership.
            draft("The delay was beyond our control.", null, "email", Rule.EXCUSE),
            draft("It's not our fault, the courier's fault entirely.", null, "email", Rule.EXCUSE),
            draft("These things happen with busy couriers.", null, "email", Rule.EXCUSE),
            // An excuse with ownership is an explanation.
            draft("The warehouse system was down, but that's on us: we should have told you at once.", null, "email"),
            // Missing apology.
            draft("The parcel was delayed by the courier.", Purpose.EXPLANATION, "email", Rule.MISSING_APOLOGY),
            draft("We have looked into your complaint and will replace the item.", Purpose.APOLOGY, "email", Rule.MISSING_APOLOGY),
            draft("Our service was unavailable this morning; it is back now, and your bill will be credited by Friday.", Purpose.INCIDENT_NOTICE, "email", Rule.MISSING_APOLOGY),
            // No next step or date.
            draft("To confirm, we will refund you.", Purpose.CONFIRMATION, "email", Rule.NO_NEXT_STEP),
            draft("We are still working on your case.", Purpose.STATUS_UPDATE, "email", Rule.NO_NEXT_STEP),
            draft("We would like to offer you a voucher.", Purpose.OFFER, "email", Rule.NO_NEXT_STEP),
            // Shouting.
            draft("Please DO NOT CALL again, we are working on it.", null, "email", Rule.SHOUTING),
            draft("We have fixed it!!", null, "email", Rule.SHOUTING),
            // Too long for the channel.
            draft("We are very sorry. " + "We understand how frustrating it is when a delivery goes wrong. ".repeat(6), Purpose.ACKNOWLEDGEMENT, "social", Rule.TOO_LONG),
            draft("Sorry. " + "word ".repeat(400), null, "email", Rule.TOO_LONG),
            // Several at once.
            draft("YOU SHOULD HAVE READ OUR POLICY!!", Purpose.APOLOGY, "email", Rule.BLAME, Rule.POLICY, Rule.MISSING_APOLOGY, Rule.SHOUTING));
    }

    private static Arguments draft(String text, Purpose purpose, String channel, Rule... expected) {
        return Arguments.of(text, purpose, channel, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("drafts")
    void findsExactlyWhatIsWrong(String text, Purpose purpose, String channel, List<Rule> expected) {
        List<Rule> found = coach.review(text, purpose, channel, "en").stream().map(ToneCoach.Finding::rule).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRuleAnAdminMadeBlockingSaysSoAndOtherLanguagesUseTheirOwnPhrases() {
        ToneCoach strict = new ToneCoach(new ToneSettings(Set.of(Rule.BLAME), 280, 600, 350, Map.of("es",
            new ToneSettings.Phrases(List.of("usted debió"), null, null, null, List.of("lo siento", "disculp"), null))));

        List<ToneCoach.Finding> english = strict.review("You should have checked.", null, "email", "en");
        List<ToneCoach.Finding> spanish = strict.review("Usted debió revisar el pedido.", Purpose.APOLOGY, "email", "es");

        assertThat(english).singleElement().satisfies(f -> {
            assertThat(f.blocking()).isTrue();
            assertThat(f.advice()).contains("you should have");
        });
        assertThat(spanish).extracting(ToneCoach.Finding::rule).containsExactlyInAnyOrder(Rule.BLAME, Rule.MISSING_APOLOGY);
        assertThat(strict.review("Lo siento mucho.", Purpose.APOLOGY, "email", "es")).isEmpty();
    }
}
