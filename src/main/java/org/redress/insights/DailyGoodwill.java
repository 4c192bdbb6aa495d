package org.redress.insights;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code insight_daily_goodwill} and {@code insight_daily_approvals}: the goodwill
 * report's figures per day, counted again from the remedy facts for the days {@link DailyFigures}
 * counts again (ADR 16), and read back for a period.
 */
@Component
class DailyGoodwill {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DailyGoodwill(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** Remedies granted on a day, for one team, type, category and proposer. */
    record Granted(long teamId, String type, String category, String proposedBy, long remedies, long grantedMinor,
                   long deliveredMinor) {

        private Granted plus(Granted other) {
            return new Granted(teamId, type, category, proposedBy, remedies + other.remedies, grantedMinor + other.grantedMinor,
                deliveredMinor + other.deliveredMinor);
        }
    }

    /** Remedies sent for approval, and how they were decided. */
    static final class Asked {
        long asked;
        long approved;
        long refused;
        long waiting;
        final DurationHistogram toDecide = new DurationHistogram();
    }

    /** Counts the remedies granted and asked for approval from {@code start} to {@code end} again, day by day. */
    void recount(LocalDate from, LocalDate to, Timestamp start, Timestamp end) {
        record Key(LocalDate day, long teamId, String type, String category, String proposedBy) {}
        Map<Key, Granted> granted = new HashMap<>();
        jdbc.sql("select r.granted_at, coalesce(f.team_id, -1) team, r.remedy_type, f.category, r.proposed_by_name, r.state,"
                + " r.amount_minor from insight_remedy_facts r join insight_case_facts f on f.case_id = r.case_id"
                + " where r.granted_at >= ? and r.granted_at < ? and r.state in (" + Goodwill.GRANTED + ")")
            .params(start, end)
            .withFetchSize(2_000)
            .query(row -> {
                long amount = row.getLong("amount_minor");
                Granted one = new Granted(row.getLong("team"), row.getString("remedy_type"), row.getString("category"),
                    row.getString("proposed_by_name"), 1, amount, "FULFILLED".equals(row.getString("state")) ? amount : 0);
                granted.merge(new Key(LocalDate.ofInstant(row.getTimestamp("granted_at").toInstant(), zone), one.teamId(), one.type(),
                    one.category(), one.proposedBy()), one, Granted::plus);
            });
        record Team(LocalDate day, long teamId) {}
        Map<Team, Asked> asked = new HashMap<>();
        jdbc.sql("select r.created_at, coalesce(f.team_id, -1) team, r.granted_at, r.state, r.seconds_to_decide"
                + " from insight_remedy_facts r join insight_case_facts f on f.case_id = r.case_id"
                + " where r.approval_asked and r.created_at >= ? and r.created_at < ?")
            .params(start, end)
            .withFetchSize(2_000)
            .query(row -> {
                Asked line = asked.computeIfAbsent(new Team(LocalDate.ofInstant(row.getTimestamp("created_at").toInstant(), zone), row.getLong("team")),
                    k -> new Asked());
                line.asked++;
                line.approved += row.getTimestamp("granted_at") == null ? 0 : 1;
                line.refused += "REJECTED".equals(row.getString("state")) ? 1 : 0;
                line.waiting += "PENDING_APPROVAL".equals(row.getString("state")) ? 1 : 0;
                Long seconds = row.getObject("seconds_to_decide", Long.class);
                if (seconds != null) {
                    line.toDecide.add(seconds);
                }
            });
        jdbc.sql("delete from insight_daily_goodwill where on_day >= ? and on_day <= ?").params(from, to).update();
        jdbc.sql("delete from insight_daily_approvals where on_day >= ? and on_day <= ?").params(from, to).update();
        List<List<Object>> rows = new ArrayList<>();
        granted.forEach((key, one) -> rows.add(List.of(key.day(), one.teamId(), one.type(), one.category(), one.proposedBy(),
            one.remedies(), one.grantedMinor(), one.deliveredMinor())));
        DailyFigures.insert(jdbc, "insight_daily_goodwill (on_day, team_id, remedy_type, category, proposed_by, remedies,"
            + " granted_minor, delivered_minor)", rows);
        rows.clear();
        asked.forEach((key, line) -> rows.add(List.of(key.day(), key.teamId(), line.asked, line.approved, line.refused,
            line.waiting, line.toDecide.bytes())));
        DailyFigures.insert(jdbc, "insight_daily_approvals (on_day, team_id, asked, approved, refused, waiting, to_decide)", rows);
    }

    /** The period's remedies granted, one line per team, type, category and proposer. */
    List<Granted> granted(Period period, @Nullable Long teamId) {
        return jdbc.sql("select team_id, remedy_type, category, proposed_by, sum(remedies) remedies, sum(granted_minor) granted,"
                + " sum(delivered_minor) delivered from insight_daily_goodwill where on_day >= ? and on_day <= ?"
                + (teamId == null ? "" : " and team_id = " + teamId) + " group by team_id, remedy_type, category, proposed_by")
            .params(period.from(), period.to())
            .query((row, n) -> new Granted(row.getLong("team_id"), row.getString("remedy_type"), row.getString("category"),
                row.getString("proposed_by"), row.getLong("remedies"), row.getLong("granted"), row.getLong("delivered")))
            .list();
    }

    /** Cases closed as recovered, and what they were granted in minor units. */
    record Recovered(long cases, long grantedMinor) {}

    /** The cases closed as recovered in the period, and what they were granted. */
    Recovered recovered(Period period, @Nullable Long teamId) {
        return jdbc.sql("select coalesce(sum(recovered), 0) cases, coalesce(sum(recovered_goodwill_minor), 0) granted"
                + " from insight_daily where dim = 'ALL' and on_day >= ? and on_day <= ?" + (teamId == null ? "" : " and team_id = " + teamId))
            .params(period.from(), period.to())
            .query((row, n) -> new Recovered(row.getLong("cases"), row.getLong("granted"))).single();
    }

    /** The period's approvals, added up. */
    Asked asked(Period period, @Nullable Long teamId) {
        Asked sum = new Asked();
        jdbc.sql("select asked, approved, refused, waiting, to_decide from insight_daily_approvals where on_day >= ? and on_day <= ?"
                + (teamId == null ? "" : " and team_id = " + teamId))
            .params(period.from(), period.to())
            .query(row -> {
                sum.asked += row.getLong("asked");
                sum.approved += row.getLong("approved");
                sum.refused += row.getLong("refused");
                sum.waiting += row.getLong("waiting");
                sum.toDecide.add(DurationHistogram.of(row.getBytes("to_decide")));
            });
        return sum;
    }
}
