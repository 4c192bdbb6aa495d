package org.redress.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Lessons and whether their actions worked: the lessons recorded in a period and what became
 * of their actions, and, for the actions done by the period's end (the latest twenty), the
 * cases with the same root cause in the weeks before the action was done against as many
 * weeks after (up to ninety days each side). Read from the lessons module's table by its
 * documented columns and the case facts. Fewer cases after is a sign, not proof: the mark
 * says when there are too few cases, or too few days since, to tell.
 */
@Service
@ReportReads
public class ActionEffects {

    /** Days each side at most. */
    static final int WINDOW_DAYS = 90;
    /** Fewer days after the action than this: too early to tell. */
    static final int MIN_DAYS = 14;
    /** Fewer cases before and after together than this: too few to tell. */
    static final int MIN_CASES = 10;
    private static final int SHOWN = 20;

    public enum Verdict { TOO_EARLY, TOO_FEW, FEWER, ABOUT_THE_SAME, MORE }

    @Schema(name = "ActionEffect", description = "One done action: cases with its cause before it and after it, over as many days each side.")
    public record Effect(@Schema(description = "The lesson's id.") long lessonId,
                         @Schema(description = "The case it was learnt from.") String caseNumber,
                         @Schema(description = "The root cause's name.") String cause,
                         @Schema(description = "The action.") String action,
                         @Schema(description = "Who saw to it.") @Nullable String owner,
                         @Schema(description = "The day it was marked done.") LocalDate doneOn,
                         @Schema(description = "Days compared each side (up to 90; fewer when it was done recently).") long days,
                         @Schema(description = "Cases with this cause opened in those days before it was done.") long casesBefore,
                         @Schema(description = "Cases with this cause opened in as many days after.") long casesAfter,
                         @Schema(description = "FEWER (at most four fifths as many after), MORE (at least a "
                             + "quarter more), else ABOUT_THE_SAME; TOO_EARLY under 14 days after, TOO_FEW under 10 cases in all.") Verdict verdict) {}

    @Schema(name = "LessonsReport", description = "Lessons recorded in a period, their actions, and whether done actions worked.")
    public record Report(@Schema(description = "The period.") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Lessons recorded in the period.") long recorded,
                         @Schema(description = "Of those, with an action.") long withAction,
                         @Schema(description = "Actions marked done in the period.") long done,
                         @Schema(description = "Actions dropped in the period.") long dropped,
                         @Schema(description = "Actions open now.") long openNow,
                         @Schema(description = "Of those, past their due date.") long overdueNow,
                         @Schema(description = "The latest actions done by the period's end, and the cases with their cause before and after.")
                         List<Effect> effects,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    ActionEffects(JdbcClient jdbc, ZoneId businessZone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = businessZone;
        this.clock = clock;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        params.put("today", java.sql.Date.valueOf(LocalDate.now(clock.withZone(zone))));
        String lessons = " from lessons l left join insight_case_facts f on f.case_id = l.case_id";
        String onTeam = " where 1 = 1" + RecoverySummary.onTeam(teamId);
        record Counts(long recorded, long withAction, long done, long dropped, long open, long overdue) {}
        Counts counts = jdbc.sql("select"
                + " count(case when l.recorded_at >= :start and l.recorded_at < :end then 1 end) recorded,"
                + " count(case when l.recorded_at >= :start and l.recorded_at < :end and l.action is not null then 1 end) with_action,"
                + " count(case when l.status = 'DONE' and l.settled_at >= :start and l.settled_at < :end then 1 end) done,"
                + " count(case when l.status = 'DROPPED' and l.settled_at >= :start and l.settled_at < :end then 1 end) dropped,"
                + " count(case when l.status = 'OPEN' then 1 end) open_now,"
                + " count(case when l.status = 'OPEN' and l.due_on < :today then 1 end) overdue_now" + lessons + onTeam)
            .params(params)
            .query((rs, n) -> new Counts(rs.getLong("recorded"), rs.getLong("with_action"), rs.getLong("done"), rs.getLong("dropped"),
                rs.getLong("open_now"), rs.getLong("overdue_now")))
            .single();
        return new Report(period, teamId, counts.recorded(), counts.withAction(), counts.done(), counts.dropped(), counts.open(),
            counts.overdue(), effects(period, teamId, lessons, onTeam, params), RecoverySummary.asOf(jdbc));
    }

    private List<Effect> effects(Period period, @Nullable Long teamId, String lessons, String onTeam, Map<String, Object> params) {
        Instant end = min(period.end(zone), clock.instant());
        record Done(long id, long caseId, @Nullable String cause, @Nullable String label, String action, @Nullable String owner,
                    Instant at) {}
        List<Done> done = jdbc.sql("select l.id, l.case_id, l.root_cause, t.label, l.action, l.owner_name, l.settled_at"
                + lessons + " left join taxonomy_entries t on t.kind = 'root-cause' and t.code = l.root_cause" + onTeam
                + " and l.status = 'DONE' and l.settled_at < :end order by l.settled_at desc, l.id desc limit " + SHOWN)
            .params(params)
            .query((rs, n) -> new Done(rs.getLong("id"), rs.getLong("case_id"), rs.getString("root_cause"), rs.getString("label"),
                rs.getString("action"), rs.getString("owner_name"), rs.getTimestamp("settled_at").toInstant()))
            .list();
        return done.stream().map(action -> {
            // As long each side as there has been since, up to the end of the period (or now): the cases after are all counted.
            Duration since = Duration.between(action.at(), end);
            Duration window = since.isNegative() ? Duration.ZERO : since.compareTo(Duration.ofDays(WINDOW_DAYS)) > 0
                ? Duration.ofDays(WINDOW_DAYS) : since;
            long days = window.toDays();
            record Around(long before, long after) {}
            Around around = action.cause() == null ? new Around(0, 0) : jdbc.sql("select"
                    + " count(case when f.opened_at < :at then 1 end) before_it, count(case when f.opened_at >= :at then 1 end) after_it"
                    + " from insight_case_facts f where f.root_cause = :cause and f.opened_at >= :from and f.opened_at < :to"
                    + RecoverySummary.onTeam(teamId))
                .param("at", Timestamp.from(action.at())).param("cause", action.cause())
                .param("from", Timestamp.from(action.at().minus(window))).param("to", Timestamp.from(action.at().plus(window)))
                .query((rs, n) -> new Around(rs.getLong("before_it"), rs.getLong("after_it"))).single();
            return new Effect(action.id(), CaseNumber.format(action.caseId()),
                action.label() != null ? action.label() : action.cause() != null ? action.cause() : "—", action.action(), action.owner(),
                LocalDate.ofInstant(action.at(), zone), days, around.before(), around.after(),
                verdict(days, around.before(), around.after()));
        }).toList();
    }

    static Verdict verdict(long days, long before, long after) {
        if (days < MIN_DAYS) {
            return Verdict.TOO_EARLY;
        }
        if (before + after < MIN_CASES) {
            return Verdict.TOO_FEW;
        }
        if (after * 5 <= before * 4) {
            return Verdict.FEWER;
        }
        if (after * 4 >= before * 5) {
            return Verdict.MORE;
        }
        return Verdict.ABOUT_THE_SAME;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
