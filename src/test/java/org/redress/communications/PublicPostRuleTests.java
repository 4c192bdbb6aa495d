package org.redress.communications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicPostRuleTests {

    @Test
    void allowsAShortAcknowledgementThatInvitesToAPrivateChannel() {
        assertThat(PublicPostRule.objections("We're sorry to hear this, Maria. Please send us a direct message so we can put it right."))
            .isEmpty();
    }

    @Test
    void refusesTheCauseAnAmountAndADateEvenWhenPolite() {
        assertThat(PublicPostRule.objections("Sorry! It was late because the courier lost it; we will refund €40 by Friday. "
            + "Please send us a direct message."))
            .containsExactlyInAnyOrder("it names an amount", "it offers or names a remedy", "it explains the cause",
                "it names a date or time");
    }

    @Test
    void refusesOrderNumbersInPublic() {
        assertThat(PublicPostRule.objections("We see order 55120 in our system, please DM us.")).containsExactly(
            "it names an order or account number");
    }

    @Test
    void refusesAPostWithoutAnInvitationToContinuePrivately() {
        assertThat(PublicPostRule.objections("We are so sorry to hear that.")).hasSize(1)
            .allMatch(objection -> objection.contains("continue privately"));
    }

    @Test
    void refusesLongPosts() {
        assertThat(PublicPostRule.objections("Please send us a direct message. " + "We care. ".repeat(40)))
            .anyMatch(objection -> objection.contains("too long"));
    }

    @Test
    void doesNotMistakeOrdinaryWordsForDatesOrAmounts() {
        assertThat(PublicPostRule.objections("We hear you and we're on it today. Please message us in private.")).isEmpty();
    }
}
