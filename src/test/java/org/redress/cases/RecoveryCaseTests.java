package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;

/** The playbook's rules, on the aggregate alone. */
class RecoveryCaseTests {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Actor ANA = Actor.user(7, "Ana");

    @Test
    void aNewCaseAsksForAnAcknowledgementFirst() {
        RecoveryCase c = opened();

        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
        assertThat(c.nextStep()).contains(PlaybookStep.ACKNOWLEDGE);
        assertThat(c.drainHappenings()).extracting(RecoveryCase.Happening::kind).containsExactly("opened");
    }

    @Test
    void theNextStepFollowsThePlaybookOrder() {
        RecoveryCase c = opened();

        c.acknowledge(ANA, NOW, null);
        c.listen(ANA, NOW, "It broke");

        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.nextStep()).contains(PlaybookStep.APOLOGIZE);
    }

    @Test
    void everyStepsPrerequisitesComeEarlierInThePlaybook() {
        for (PlaybookStep step : PlaybookStep.values()) {
            assertThat(step.prerequisites()).allMatch(before -> before.ordinal() < step.ordinal());
        }
    }

    @Test
    void refusesAnApologyBeforeTheAcknowledgement() {
        RecoveryCase c = opened();

        assertThatThrownBy(() -> c.apologize(ANA, NOW, "Sorry"))
            .isInstanceOf(Conflict.class).hasMessageContaining("first: Acknowledge");
    }

    @Test
    void refusesToCloseAsRecoveredNamingEveryMissingStep() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);

        assertThatThrownBy(() -> c.close(ANA, NOW, Outcome.RECOVERED, null))
            .isInstanceOf(Conflict.class)
            .hasMessageContaining("Listen, Apologize, Identify the cause, Explain, Resolve, Fulfil, Follow up, Learn")
            .hasMessageNotContaining("Acknowledge");
    }

    @Test
    void anUnsatisfiedCustomerMeansANewResolutionBeforeClosingAsRecovered() {
        RecoveryCase c = throughFulfilment();
        c.learn(ANA, NOW, "Check the packing", null);
        c.followUp(ANA, NOW, false, 2, "Still unhappy");

        assertThat(c.done(PlaybookStep.RESOLVE)).isFalse();
        assertThat(c.nextStep()).contains(PlaybookStep.RESOLVE);
        assertThatThrownBy(() -> c.close(ANA, NOW, Outcome.RECOVERED, null))
            .isInstanceOf(Conflict.class).hasMessageContaining("still to do: Resolve, Fulfil, Follow up.");
    }

    @Test
    void closingAsNotRecoveredNeedsAnAnswerAndAReason() {
        RecoveryCase c = opened();

        assertThatThrownBy(() -> c.close(ANA, NOW, Outcome.NOT_RECOVERED, "gone")).isInstanceOf(Conflict.class);
        c.acknowledge(ANA, NOW, null);
        assertThatThrownBy(() -> c.close(ANA, NOW, Outcome.NOT_RECOVERED, null)).isInstanceOf(InvalidInput.class);

        c.close(ANA, NOW, Outcome.NOT_RECOVERED, "Moved to a competitor");

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.nextStep()).isEmpty();
    }

    @Test
    void aClosedCaseTakesNoStepsUntilReopened() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);
        c.close(ANA, NOW, Outcome.NOT_RECOVERED, "No reply");

        assertThatThrownBy(() -> c.listen(ANA, NOW, "late")).isInstanceOf(Conflict.class).hasMessageContaining("reopen");
        c.reopen(ANA, NOW, "Customer called back");

        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.outcome()).isNull();
        c.listen(ANA, NOW, "Now we talk");
    }

    @Test
    void understandingMayBeRefinedButAgreementsHappenOncePerResolution() {
        RecoveryCase c = throughFulfilment();

        c.listen(ANA, NOW, "More details");

        assertThat(c.record(PlaybookStep.LISTEN).orElseThrow().note()).isEqualTo("More details");
        assertThatThrownBy(() -> c.fulfil(ANA, NOW, null)).isInstanceOf(Conflict.class).hasMessageContaining("already done");
    }

    @Test
    void theAgreedResolutionMayBeRefinedUntilItIsDelivered() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);
        c.listen(ANA, NOW, "It broke");
        c.resolve(ANA, NOW, "Refund", TODAY.plusDays(2), TODAY);
        c.drainHappenings();

        c.resolve(ANA, NOW, "Refund to the original card", TODAY.plusDays(3), TODAY);

        assertThat(c.resolution()).isEqualTo("Refund to the original card");
        assertThat(c.promisedBy()).isEqualTo(TODAY.plusDays(3));
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLUTION_AGREED);
        assertThat(c.drainHappenings()).extracting(RecoveryCase.Happening::summary)
            .containsExactly("Refined the agreed resolution: Refund to the original card — to be delivered by 26 Nov 2026");
        c.fulfil(ANA, NOW, null);
        assertThatThrownBy(() -> c.resolve(ANA, NOW, "Refund again", TODAY, TODAY)).isInstanceOf(Conflict.class)
            .hasMessageContaining("the resolution has been delivered");
    }

    @Test
    void anAgreementReachedElsewhereSaysHowItWasConcluded() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);
        c.listen(ANA, NOW, "It broke");
        c.drainHappenings();

        c.resolve(Actor.SYSTEM, NOW, new Agreement("Refund of 45.00 EUR: Broken vase", TODAY, "remedy:3", 7L,
            "the customer accepted our offer"), TODAY);

        assertThat(c.record(PlaybookStep.RESOLVE).orElseThrow().doneByName()).isEqualTo("Redress");
        assertThat(c.drainHappenings()).extracting(RecoveryCase.Happening::summary).containsExactly(
            "Agreed the resolution: Refund of 45.00 EUR: Broken vase — to be delivered by 23 Nov 2026 (the customer accepted our offer)");
    }

    @Test
    void aPromiseCannotBeInThePast() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);
        c.listen(ANA, NOW, "It broke");

        assertThatThrownBy(() -> c.resolve(ANA, NOW, "Refund", TODAY.minusDays(1), TODAY)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void recordsWhoDidEachStepAndWhen() {
        RecoveryCase c = opened();

        c.acknowledge(ANA, NOW, "On it");

        StepRecord done = c.record(PlaybookStep.ACKNOWLEDGE).orElseThrow();
        assertThat(done.doneById()).isEqualTo(7L);
        assertThat(done.doneByName()).isEqualTo("Ana");
        assertThat(done.doneAt()).isEqualTo(NOW);
    }

    private static RecoveryCase opened() {
        return RecoveryCase.open(1, Channel.EMAIL, "delivery", 2, "Broken vase", Actor.SYSTEM, NOW);
    }

    private static RecoveryCase throughFulfilment() {
        RecoveryCase c = opened();
        c.acknowledge(ANA, NOW, null);
        c.listen(ANA, NOW, "It broke");
        c.apologize(ANA, NOW, "Sorry");
        c.identifyCause(ANA, NOW, "carrier-delay", Responsibility.OURS, null);
        c.explain(ANA, NOW, "The carrier dropped it");
        c.resolve(ANA, NOW, "Refund", TODAY, TODAY);
        c.fulfil(ANA, NOW, null);
        return c;
    }
}
