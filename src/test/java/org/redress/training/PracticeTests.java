package org.redress.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.shared.InvalidInput;

/** The pure parts of practice: the SM-2 schedule, a scenario's shape, a play through it, the anonymiser. */
class PracticeTests {

    @Test
    void aMissedItemComesBackTomorrowThenAfterSixDaysThenByItsEase() {
        Repetition missed = Repetition.missed();
        assertThat(missed).isEqualTo(new Repetition(0, 1, 1960));
        Repetition once = missed.after(true);
        assertThat(once).isEqualTo(new Repetition(1, 1, 2060));
        Repetition twice = once.after(true);
        assertThat(twice).isEqualTo(new Repetition(2, 6, 2160));
        assertThat(twice.after(true)).as("6 days × 2.16").isEqualTo(new Repetition(3, 13, 2260));
        assertThat(twice.after(false)).as("wrong again: tomorrow, and harder").isEqualTo(new Repetition(0, 1, 1620));
        assertThat(twice.after(false).after(false).after(false).easePermille()).as("never below 1.3").isEqualTo(1300);
    }

    private static final Script SCRIPT = new Script("a", List.of(
        new Script.Node("a", "Late again!", List.of(
            new Script.Move("Sorry, that is on us; it arrives tomorrow.", true, "All four.", "b"),
            new Script.Move("Couriers are like that.", false, "An excuse.", "c")),
            new Script.Written(List.of("APOLOGY"), "b")),
        new Script.Node("b", "And the hassle?", List.of(
            new Script.Move("Refund the delivery.", true, "Matched to the loss.", "c")), null),
        new Script.Node("c", "Fine.", List.of(), null)));

    @Test
    void aPlayFollowsTheMovesAndMarksEach() {
        Play play = Play.of(SCRIPT.verified(), List.of(new Play.Move(null, "It is what it is."), new Play.Move(0, null)),
            (words, needs) -> needs.contains(AnswerCheck.Need.APOLOGY) && !words.contains("sorry") ? List.of("It needs a plain apology.")
                : List.of());
        assertThat(play.steps()).extracting(Play.Step::better).containsExactly(false, true);
        assertThat(play.steps().get(0).faults()).containsExactly("It needs a plain apology.");
        assertThat(play.steps().get(0).model()).isEqualTo("Sorry, that is on us; it arrives tomorrow.");
        assertThat(play.finished()).isTrue();
        assertThat(play.at().customer()).isEqualTo("Fine.");
        assertThat(play.betterMoves()).isEqualTo(1);
        assertThatThrownBy(() -> Play.of(SCRIPT, List.of(new Play.Move(1, null), new Play.Move(0, null)), (w, n) -> List.of()))
            .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors().get(0).field()).isEqualTo("moves[1]"));
        assertThatThrownBy(() -> Play.of(SCRIPT, List.of(new Play.Move(0, null), new Play.Move(null, "words")), (w, n) -> List.of()))
            .as("node b takes no written move")
            .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors().get(0).field()).isEqualTo("moves[1].text"));
    }

    @Test
    void theAnonymiserKeepsCountsAndDatesAndTakesOutWhatPointsToSomeone() {
        Anonymiser anonymiser = Anonymiser.knowing(List.of("Harriet Quince", "Ana Costa"), List.of("CUST-77"));
        assertThat(anonymiser.clean("Dear HARRIET, it is 3 days late since 2026-11-02; Ana Costa will call +34 600 123 456 about "
            + "order #88213 (postcode SW1A 1AA, account CUST-77) or email harriet@example.org, see www.example.org/t/1, case RC-000042."))
            .isEqualTo("Dear [name], it is 3 days late since 2026-11-02; [name] will call [phone] about order [reference] (postcode "
                + "[reference] [reference], account [reference]) or email [email], see [link] case [case].");
        assertThat(Anonymiser.leaks("Hello [name]", List.of("Harriet", "Quince"))).isEmpty();
        assertThat(Anonymiser.leaks("Hello Harriet", List.of("Harriet", "Quince"))).containsExactly("Harriet");
    }
}
