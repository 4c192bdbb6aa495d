package org.redress.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.cases.Responsibility;
import org.redress.communications.ToneCoach.Rule;
import org.redress.promises.Promise;
import org.redress.sla.SlaClock;
import org.redress.sla.Target;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The ratings a case's own record suggests for the scorecard's items, each with the reason, so
 * a reviewer starts from the facts and spends their time on judgement: whether the first answer
 * met its time target, which playbook steps were recorded, whether the promises were kept, and
 * what the tone coach finds in the apology and the explanation as they were recorded.
 */
final class Suggestions {

    @Schema(name = "SuggestedRating", description = "A rating the case's record suggests, and why.")
    record Suggestion(@Schema(description = "The suggested rating.") Rating rating,
                      @Schema(description = "What in the case suggests it.") String why) {}

    /** Items Redress comes with; a later scorecard version may drop or add items (added ones get no suggestion). */
    static final String ACKNOWLEDGED_IN_TIME = "ACKNOWLEDGED_IN_TIME";
    static final String LISTENED = "LISTENED";
    static final String APOLOGIZED = "APOLOGIZED";
    static final String OWNED_OUR_PART = "OWNED_OUR_PART";
    static final String EXPLAINED = "EXPLAINED";
    static final String FAIR_REMEDY = "FAIR_REMEDY";
    static final String DATE_KEPT = "DATE_KEPT";
    static final String FOLLOWED_UP = "FOLLOWED_UP";

    private static final Set<Rule> POOR_WORDS = Set.of(Rule.BLAME, Rule.EXCUSE, Rule.POLICY, Rule.SHOUTING);

    private Suggestions() {
    }

    /** {@code tone} gives the tone coach's findings on a text the agent recorded. */
    static Map<String, Suggestion> of(CaseView c, List<SlaClock> clocks, List<Promise> promises, Function<String, List<Rule>> tone) {
        Map<String, Suggestion> suggested = new LinkedHashMap<>();
        suggested.put(ACKNOWLEDGED_IN_TIME, acknowledged(c, clocks));
        suggested.put(LISTENED, done(c, PlaybookStep.LISTEN, "The customer's account was recorded.", "No account of the customer's was recorded."));
        suggested.put(APOLOGIZED, worded(c, PlaybookStep.APOLOGIZE, "apology", tone));
        suggested.put(OWNED_OUR_PART, owned(c));
        suggested.put(EXPLAINED, worded(c, PlaybookStep.EXPLAIN, "explanation", tone));
        suggested.put(FAIR_REMEDY, c.step(PlaybookStep.RESOLVE).done()
            ? new Suggestion(Rating.MET, "Agreed with the customer: " + c.resolution() + ". Judge whether it was fair.")
            : new Suggestion(Rating.MISSED, "No resolution was agreed."));
        suggested.put(DATE_KEPT, dateKept(c, promises));
        suggested.put(FOLLOWED_UP, !c.step(PlaybookStep.FULFIL).done() && !c.closed()
            ? new Suggestion(Rating.NOT_APPLICABLE, "Nothing delivered yet, so no follow-up is due.")
            : done(c, PlaybookStep.FOLLOW_UP, "The customer was asked whether it put things right.", "Nobody asked the customer afterwards."));
        return suggested;
    }

    private static Suggestion acknowledged(CaseView c, List<SlaClock> clocks) {
        SlaClock clock = clocks.stream().filter(k -> k.target() == Target.ACKNOWLEDGE).findFirst().orElse(null);
        if (clock == null) {
            return done(c, PlaybookStep.ACKNOWLEDGE, "Acknowledged (no time target applied).", "Never acknowledged.");
        }
        return switch (clock.state()) {
            case MET -> new Suggestion(Rating.MET, "The first answer met its time target.");
            case MET_LATE -> new Suggestion(Rating.MISSED, "The first answer came after its time target.");
            case BREACHED -> new Suggestion(Rating.MISSED, "Not acknowledged, and the time target has passed.");
            default -> c.step(PlaybookStep.ACKNOWLEDGE).done()
                ? new Suggestion(Rating.MET, "Acknowledged.") : new Suggestion(Rating.MISSED, "Not acknowledged yet.");
        };
    }

    private static Suggestion done(CaseView c, PlaybookStep step, String yes, String no) {
        return c.step(step).done() ? new Suggestion(Rating.MET, yes) : new Suggestion(Rating.MISSED, no);
    }

    private static Suggestion worded(CaseView c, PlaybookStep step, String what, Function<String, List<Rule>> tone) {
        CaseView.StepState state = c.step(step);
        if (!state.done()) {
            return new Suggestion(Rating.MISSED, "No " + what + " was recorded.");
        }
        String words = state.note();
        List<Rule> poor = words == null ? List.of() : tone.apply(words).stream().filter(POOR_WORDS::contains).distinct().toList();
        return poor.isEmpty()
            ? new Suggestion(Rating.MET, "The " + what + " was recorded; the tone coach finds nothing to change.")
            : new Suggestion(Rating.PARTLY, "The tone coach finds " + describe(poor) + " in the " + what + " recorded.");
    }

    private static Suggestion owned(CaseView c) {
        @Nullable Responsibility part = c.responsibility();
        if (!c.step(PlaybookStep.IDENTIFY_CAUSE).done() || part == null) {
            return new Suggestion(Rating.MISSED, "The cause and our part were not identified.");
        }
        return part == Responsibility.NOT_OURS
            ? new Suggestion(Rating.NOT_APPLICABLE, "Recorded as not our fault: nothing of ours to own.")
            : new Suggestion(Rating.MET, "Our part recorded as " + part.label().toLowerCase(java.util.Locale.ROOT) + ".");
    }

    private static Suggestion dateKept(CaseView c, List<Promise> promises) {
        if (promises.isEmpty()) {
            return c.step(PlaybookStep.RESOLVE).done()
                ? new Suggestion(Rating.PARTLY, "A resolution was agreed, but no promise with a date was made.")
                : new Suggestion(Rating.MISSED, "No date was given to the customer.");
        }
        long broken = promises.stream().filter(p -> p.status() == Promise.Status.BROKEN).count();
        long late = promises.stream().filter(p -> p.status() == Promise.Status.KEPT && p.settledAt() != null
            && p.settledAt().isAfter(p.dueAt())).count();
        long open = promises.stream().filter(p -> p.status() == Promise.Status.OPEN).count();
        if (broken > 0) {
            return new Suggestion(Rating.MISSED, broken + " of " + promises.size() + " promises broken.");
        }
        if (late > 0) {
            return new Suggestion(Rating.PARTLY, late + " of " + promises.size() + " promises kept late.");
        }
        if (open == promises.size()) {
            return new Suggestion(Rating.NOT_APPLICABLE, "A date was given; it is not due yet.");
        }
        return new Suggestion(Rating.MET, "Every promise due was kept on time" + (open > 0 ? " (" + open + " not due yet)." : "."));
    }

    private static String describe(List<Rule> rules) {
        return String.join(" and ", rules.stream().map(rule -> switch (rule) {
            case BLAME -> "blame put on the customer";
            case EXCUSE -> "an excuse";
            case POLICY -> "policy talk";
            default -> "shouting";
        }).toList());
    }
}
