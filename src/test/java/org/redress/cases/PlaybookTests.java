package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlaybookTests {

    @Test
    void theNextStepIsTheFirstNotDone() {
        assertThat(Playbook.next(Set.of())).contains(PlaybookStep.ACKNOWLEDGE);
        assertThat(Playbook.next(EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.LISTEN))).contains(PlaybookStep.APOLOGIZE);
        assertThat(Playbook.next(EnumSet.allOf(PlaybookStep.class))).isEmpty();
    }

    @Test
    void theNextStepCanAlwaysBeDoneNow() {
        // Every subset of steps done that respects the prerequisites leads to a step whose own are met.
        for (int mask = 0; mask < 1 << PlaybookStep.values().length; mask++) {
            Set<PlaybookStep> done = EnumSet.noneOf(PlaybookStep.class);
            for (PlaybookStep step : PlaybookStep.values()) {
                if ((mask & 1 << step.ordinal()) != 0) {
                    done.add(step);
                }
            }
            boolean consistent = done.stream().allMatch(step -> done.containsAll(step.prerequisites()));
            if (consistent) {
                Playbook.next(done).ifPresent(next ->
                    assertThat(Playbook.missingPrerequisites(next, done)).as("next %s after %s", next, done).isEmpty());
            }
        }
    }

    @Test
    void theStatusFollowsTheSteps() {
        assertThat(Playbook.status(Set.of())).isEqualTo(CaseStatus.NEW);
        assertThat(Playbook.status(EnumSet.of(PlaybookStep.ACKNOWLEDGE))).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(Playbook.status(EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.LISTEN, PlaybookStep.RESOLVE)))
            .isEqualTo(CaseStatus.RESOLUTION_AGREED);
        assertThat(Playbook.status(EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.LISTEN, PlaybookStep.RESOLVE,
            PlaybookStep.FULFIL))).isEqualTo(CaseStatus.FULFILLED);
    }

    @Test
    void understandingMayBeRefinedAndTheAgreementUntilItIsDelivered() {
        Set<PlaybookStep> agreed = EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.LISTEN, PlaybookStep.RESOLVE);
        assertThat(EnumSet.allOf(PlaybookStep.class)).filteredOn(step -> Playbook.refinable(step, agreed))
            .containsExactly(PlaybookStep.LISTEN, PlaybookStep.APOLOGIZE, PlaybookStep.IDENTIFY_CAUSE, PlaybookStep.EXPLAIN,
                PlaybookStep.RESOLVE, PlaybookStep.LEARN);
    }

    @Test
    void answeringDeliveringAndCheckingHappenOncePerResolution() {
        Set<PlaybookStep> delivered = EnumSet.of(PlaybookStep.ACKNOWLEDGE, PlaybookStep.LISTEN, PlaybookStep.RESOLVE,
            PlaybookStep.FULFIL);
        assertThat(EnumSet.allOf(PlaybookStep.class)).filteredOn(step -> !Playbook.refinable(step, delivered))
            .containsExactly(PlaybookStep.ACKNOWLEDGE, PlaybookStep.RESOLVE, PlaybookStep.FULFIL, PlaybookStep.FOLLOW_UP);
    }

    @Test
    void namesMissingStepsInPlaybookOrder() {
        assertThat(Playbook.labels(EnumSet.of(PlaybookStep.LEARN, PlaybookStep.ACKNOWLEDGE))).isEqualTo("Acknowledge, Learn");
    }
}
