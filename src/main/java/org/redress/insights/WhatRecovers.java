package org.redress.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What recovers customers at this business: the cases closed in a period (recovered or not)
 * split by three practices (how soon the first answer came, whether the customer got an
 * apology, whether they got a remedy), with how each group ended: recovered, and the customer
 * active again within 90 days of the close. Every cell carries its counts and a 95% interval,
 * and is marked where it holds too few cases to conclude anything, so that a business reads
 * its own evidence rather than a general claim.
 *
 * <p>Closing a case as recovered requires every playbook step, the apology among them, so
 * without an apology the recovery rate is nil by rule; there, retention is the outcome that
 * can differ. A remedy counts as given when the customer accepted it or it was delivered.
 */
@Service
@ReportReads
public class WhatRecovers {

    /** Below this many cases a cell (or a practice's group) is marked too few to conclude. */
    static final int TOO_FEW = 30;
    /** Retention here: active again (an order or a visit) within this many days of the close. */
    static final int RETAINED_WITHIN_DAYS = 90;
    /** The remedy states in which the customer got a remedy: accepted or delivered. */
    static final String GIVEN = "'ACCEPTED', 'FULFILLED'";

    /** How soon the first answer (the Acknowledge step) came after the complaint. */
    public enum FirstAnswer {
        WITHIN_AN_HOUR("Within an hour"), WITHIN_A_DAY("Within a day"), LATER("After a day, or never");

        private final String label;

        FirstAnswer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Schema(name = "WhatRecoversOutcome", description = "How a group of closed cases ended.")
    public record Outcome(@Schema(description = "Cases closed (recovered or not) in the period.") long closed,
                          @Schema(description = "Of them, closed as recovered.") long recovered,
                          @Schema(description = "Recovered ÷ closed, in per cent; none without cases.") @Nullable Double recoveredPercent,
                          @Schema(description = "Lower end of the 95% (Wilson) interval of that share.") @Nullable Double recoveredLow,
                          @Schema(description = "Upper end of the 95% (Wilson) interval of that share.") @Nullable Double recoveredHigh,
                          @Schema(description = "Cases closed at least 90 days ago: those whose retention is known.") long retentionKnown,
                          @Schema(description = "Of them, the customer was active again within 90 days of the close.") long retained,
                          @Schema(description = "Retained ÷ retention known, in per cent; none while no case's 90 days have passed.") @Nullable Double retainedPercent,
                          @Schema(description = "True where the group holds fewer than 30 closed cases: too few to conclude.") boolean tooFew) {

        static Outcome of(long closed, long recovered, long known, long retained) {
            double[] interval = wilson(recovered, closed);
            return new Outcome(closed, recovered, percent(recovered, closed), interval == null ? null : interval[0],
                interval == null ? null : interval[1], known, retained, percent(retained, known), closed < TOO_FEW);
        }

        Outcome plus(Outcome other) {
            return of(closed + other.closed, recovered + other.recovered, retentionKnown + other.retentionKnown,
                retained + other.retained);
        }

        /** "67% (4 of 6)" or "—", for the page. */
        public String recoveredShown() {
            return recoveredPercent == null ? "—" : recoveredPercent + "% (" + recovered + " of " + closed + ")";
        }

        public String retainedShown() {
            return retainedPercent == null ? "not yet" : retainedPercent + "% (" + retained + " of " + retentionKnown + ")";
        }
    }

    @Schema(name = "WhatRecoversCell", description = "The closed cases with one combination of the three practices.")
    public record Cell(@Schema(description = "WITHIN_AN_HOUR, WITHIN_A_DAY or LATER (after a day, or never acknowledged).") FirstAnswer firstAnswer,
                       @Schema(description = "The customer got an apology.") boolean apology,
                       @Schema(description = "The customer got a remedy (accepted or delivered).") boolean remedy,
                       @Schema(description = "How these cases ended.") Outcome outcome) {}

    @Schema(name = "WhatRecoversPractice", description = "One practice on its own: the cases with it and without it (or per speed).")
    public record Practice(@Schema(description = "first-answer, apology or remedy.") String practice,
                           @Schema(description = "The group, e.g. \"Within an hour\", \"Apology\", \"No remedy\".") String group,
                           @Schema(description = "How these cases ended.") Outcome outcome) {}

    @Schema(name = "WhatRecovers", description = "Outcome of the period's closed cases by speed of the first answer × "
        + "apology × remedy, with the counts behind every share.")
    public record Report(@Schema(description = "The period whose closes are counted.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Groups with fewer closed cases than this are marked too few to conclude.") int tooFewBelow,
                         @Schema(description = "Each practice on its own.") List<Practice> practices,
                         @Schema(description = "All twelve combinations, fastest answer first; empty ones included.") List<Cell> cells,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    WhatRecovers(JdbcClient jdbc, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = businessZone;
        this.clock = clock;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        params.put("known", Timestamp.from(clock.instant().minus(Duration.ofDays(RETAINED_WITHIN_DAYS))));
        String team = RecoverySummary.onTeam(teamId);
        Map<String, Outcome> counted = new HashMap<>();
        jdbc.sql("select answer, apologized, remedied, count(*) closed,"
                + " count(case when outcome = 'RECOVERED' then 1 end) recovered,"
                + " count(case when closed_at <= :known then 1 end) known,"
                + " count(case when closed_at <= :known and seconds_to_again <= " + RETAINED_WITHIN_DAYS * 86_400L
                + " then 1 end) retained"
                + " from (select f.outcome, f.closed_at, f.seconds_to_again, f.apologized,"
                + "   case when f.seconds_to_acknowledge <= 3600 then 'WITHIN_AN_HOUR'"
                + "        when f.seconds_to_acknowledge <= 86400 then 'WITHIN_A_DAY' else 'LATER' end answer,"
                + "   case when f.remedied then 1 else 0 end remedied"
                + " from insight_case_facts f where f.outcome in ('RECOVERED', 'NOT_RECOVERED')"
                + "   and f.closed_at >= :start and f.closed_at < :end" + team + ") closes"
                + " group by answer, apologized, remedied")
            .params(params)
            .query(rs -> {
                counted.put(key(FirstAnswer.valueOf(rs.getString("answer")), rs.getBoolean("apologized"), rs.getInt("remedied") == 1),
                    Outcome.of(rs.getLong("closed"), rs.getLong("recovered"), rs.getLong("known"), rs.getLong("retained")));
            });
        List<Cell> cells = cells(counted);
        return new Report(period, teamId, TOO_FEW, practices(cells), cells, RecoverySummary.asOf(jdbc));
    }

    /** Every combination, in a fixed order, the empty ones with nothing counted. */
    static List<Cell> cells(Map<String, Outcome> counted) {
        List<Cell> cells = new ArrayList<>();
        for (FirstAnswer answer : FirstAnswer.values()) {
            for (boolean apology : new boolean[] {true, false}) {
                for (boolean remedy : new boolean[] {true, false}) {
                    cells.add(new Cell(answer, apology, remedy,
                        counted.getOrDefault(key(answer, apology, remedy), Outcome.of(0, 0, 0, 0))));
                }
            }
        }
        return cells;
    }

    /** Each practice on its own: the cells added up by speed, by apology and by remedy. */
    static List<Practice> practices(List<Cell> cells) {
        List<Practice> practices = new ArrayList<>();
        for (FirstAnswer answer : FirstAnswer.values()) {
            practices.add(new Practice("first-answer", answer.label(), sum(cells, cell -> cell.firstAnswer() == answer)));
        }
        practices.add(new Practice("apology", "Apology", sum(cells, Cell::apology)));
        practices.add(new Practice("apology", "No apology", sum(cells, cell -> !cell.apology())));
        practices.add(new Practice("remedy", "Remedy", sum(cells, Cell::remedy)));
        practices.add(new Practice("remedy", "No remedy", sum(cells, cell -> !cell.remedy())));
        return practices;
    }

    private static Outcome sum(List<Cell> cells, Predicate<Cell> which) {
        return cells.stream().filter(which).map(Cell::outcome).reduce(Outcome.of(0, 0, 0, 0), Outcome::plus);
    }

    private static String key(FirstAnswer answer, boolean apology, boolean remedy) {
        return answer + "/" + apology + "/" + remedy;
    }

    private static @Nullable Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    /**
     * The 95% Wilson score interval of a share, in per cent (one decimal): unlike the plain
     * "p ± 1.96·se" it stays within 0–100 and is honest for small groups and shares near 0 or 100.
     */
    static double @Nullable [] wilson(long successes, long trials) {
        if (trials == 0) {
            return null;
        }
        double z = 1.96;
        double n = trials;
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new double[] {round(Math.max(0, centre - half)), round(Math.min(1, centre + half))};
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
