package org.redress.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code insight_daily}: the summary's figures per day, team and breakdown key, counted
 * again from the case facts for every day the refresh changed a case of (the day it was
 * opened, the day it was closed, before and after the change), in the refresh's transaction.
 * A month's summary then adds up a few thousand rows (ADR 16). While the refresh works off a
 * backlog, the days wait ({@link #later}) and are counted once it has caught up. Until every
 * day is counted for the business's time zone and none waits ({@link #upToDate()}), the
 * reports read the facts.
 */
@Component
class DailyFigures {

    /** The key of the whole team's line (dim ALL). */
    static final String ALL = "*";
    // The dim of the lines per root cause (the causes report's; not a breakdown of the summary).
    private static final String CAUSE = "CAUSE";
    // Days counted per statement when all of them are counted again: a month of facts at a time.
    private static final int DAYS_AT_A_TIME = 31;
    private static final List<Breakdown> KEYED = List.of(Breakdown.AGENT, Breakdown.CATEGORY, Breakdown.CHANNEL,
        Breakdown.SEVERITY, Breakdown.TIER);

    private final JdbcClient jdbc;
    private final DailyGoodwill goodwill;
    private final ZoneId zone;

    DailyFigures(JdbcClient jdbc, DailyGoodwill goodwill, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.goodwill = goodwill;
        this.zone = businessZone;
    }

    /** One line's figures, added up over days: what a row holds, and what the summary is made of. */
    static final class Tally {
        long opened;
        final DurationHistogram toAcknowledge = new DurationHistogram();
        final DurationHistogram toAgree = new DurationHistogram();
        final DurationHistogram toFulfil = new DurationHistogram();
        long acknowledgeOnTime;
        long acknowledgeLate;
        long resolveOnTime;
        long resolveLate;
        long fulfilOnTime;
        long fulfilLate;
        long promisesOnTime;
        long promisesLate;
        long promisesBroken;
        long closed;
        long recovered;
        long notRecovered;
        long reopened;
        /** What the cases closed as recovered were granted, in minor units. */
        long recoveredGoodwillMinor;
        long ours;
        long partlyOurs;
        long notOurs;
        long recurring;

        private void addOpened(ResultSet fact) throws SQLException {
            opened++;
            duration(toAcknowledge, fact, "seconds_to_acknowledge");
            duration(toAgree, fact, "seconds_to_agree");
            duration(toFulfil, fact, "seconds_to_fulfil");
            String acknowledge = fact.getString("acknowledge_sla");
            acknowledgeOnTime += "ON_TIME".equals(acknowledge) ? 1 : 0;
            acknowledgeLate += "LATE".equals(acknowledge) ? 1 : 0;
            String resolve = fact.getString("resolve_sla");
            resolveOnTime += "ON_TIME".equals(resolve) ? 1 : 0;
            resolveLate += "LATE".equals(resolve) ? 1 : 0;
            String fulfil = fact.getString("fulfil_sla");
            fulfilOnTime += "ON_TIME".equals(fulfil) ? 1 : 0;
            fulfilLate += "LATE".equals(fulfil) ? 1 : 0;
            promisesOnTime += fact.getInt("promises_on_time");
            promisesLate += fact.getInt("promises_late");
            promisesBroken += fact.getInt("promises_broken");
            String responsibility = fact.getString("responsibility");
            ours += "OURS".equals(responsibility) ? 1 : 0;
            partlyOurs += "PARTLY_OURS".equals(responsibility) ? 1 : 0;
            notOurs += "NOT_OURS".equals(responsibility) ? 1 : 0;
            recurring += fact.getBoolean("recurring") ? 1 : 0;
        }

        private static void duration(DurationHistogram histogram, ResultSet fact, String column) throws SQLException {
            Long seconds = fact.getObject(column, Long.class);
            if (seconds != null) {
                histogram.add(seconds);
            }
        }

        private void addClosed(ResultSet fact) throws SQLException {
            closed++;
            String outcome = fact.getString("outcome");
            recovered += "RECOVERED".equals(outcome) ? 1 : 0;
            notRecovered += "NOT_RECOVERED".equals(outcome) ? 1 : 0;
            reopened += fact.getInt("reopened") > 0 ? 1 : 0;
            recoveredGoodwillMinor += "RECOVERED".equals(outcome) ? fact.getLong("granted_minor") : 0;
        }

        private void addRow(ResultSet row) throws SQLException {
            opened += row.getLong("opened");
            toAcknowledge.add(DurationHistogram.of(row.getBytes("to_acknowledge")));
            toAgree.add(DurationHistogram.of(row.getBytes("to_agree")));
            toFulfil.add(DurationHistogram.of(row.getBytes("to_fulfil")));
            acknowledgeOnTime += row.getLong("acknowledge_on_time");
            acknowledgeLate += row.getLong("acknowledge_late");
            resolveOnTime += row.getLong("resolve_on_time");
            resolveLate += row.getLong("resolve_late");
            fulfilOnTime += row.getLong("fulfil_on_time");
            fulfilLate += row.getLong("fulfil_late");
            promisesOnTime += row.getLong("promises_on_time");
            promisesLate += row.getLong("promises_late");
            promisesBroken += row.getLong("promises_broken");
            closed += row.getLong("closed");
            recovered += row.getLong("recovered");
            notRecovered += row.getLong("not_recovered");
            reopened += row.getLong("reopened");
            recoveredGoodwillMinor += row.getLong("recovered_goodwill_minor");
            ours += row.getLong("ours");
            partlyOurs += row.getLong("partly_ours");
            notOurs += row.getLong("not_ours");
            recurring += row.getLong("recurring");
        }

        /** These lines added up: every breakdown's lines add up to the whole, as each case has one key in each. */
        static Tally sum(Collection<Tally> lines) {
            Tally sum = new Tally();
            for (Tally line : lines) {
                sum.opened += line.opened;
                sum.toAcknowledge.add(line.toAcknowledge);
                sum.toAgree.add(line.toAgree);
                sum.toFulfil.add(line.toFulfil);
                sum.acknowledgeOnTime += line.acknowledgeOnTime;
                sum.acknowledgeLate += line.acknowledgeLate;
                sum.resolveOnTime += line.resolveOnTime;
                sum.resolveLate += line.resolveLate;
                sum.fulfilOnTime += line.fulfilOnTime;
                sum.fulfilLate += line.fulfilLate;
                sum.promisesOnTime += line.promisesOnTime;
                sum.promisesLate += line.promisesLate;
                sum.promisesBroken += line.promisesBroken;
                sum.closed += line.closed;
                sum.recovered += line.recovered;
                sum.notRecovered += line.notRecovered;
                sum.reopened += line.reopened;
                sum.recoveredGoodwillMinor += line.recoveredGoodwillMinor;
                sum.ours += line.ours;
                sum.partlyOurs += line.partlyOurs;
                sum.notOurs += line.notOurs;
                sum.recurring += line.recurring;
            }
            return sum;
        }

        private List<Object> values() {
            return List.of(opened, toAcknowledge.bytes(), toAgree.bytes(), toFulfil.bytes(), acknowledgeOnTime, acknowledgeLate,
                resolveOnTime, resolveLate, fulfilOnTime, fulfilLate, promisesOnTime, promisesLate, promisesBroken, closed,
                recovered, notRecovered, reopened, recoveredGoodwillMinor, ours, partlyOurs, notOurs, recurring);
        }
    }

    private static final String COLUMNS = "opened, to_acknowledge, to_agree, to_fulfil, acknowledge_on_time, acknowledge_late, "
        + "resolve_on_time, resolve_late, fulfil_on_time, fulfil_late, promises_on_time, promises_late, promises_broken, closed, "
        + "recovered, not_recovered, reopened, recovered_goodwill_minor, ours, partly_ours, not_ours, recurring";

    /** Whether the days are counted in the business's time zone: if not, the refresh counts them all. */
    boolean counted() {
        return zone.getId().equals(jdbc.sql("select daily_zone from insight_refresh where id = 1").query(String.class).optional()
            .orElse(null));
    }

    /** Whether the reports may read the days: counted in the business's time zone, and none waiting. */
    boolean upToDate() {
        return counted() && jdbc.sql("select count(*) from insight_days_to_count").query(Long.class).single() == 0;
    }

    /**
     * Keeps these days to be counted when the refresh has caught up. In a backlog each batch
     * touches the same days (today, or the days of cases changed together): counting them after
     * every batch read all their facts each time, so each batch was slower than the one before.
     */
    void later(Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        jdbc.sql("delete from insight_days_to_count where on_day in (:days)").param("days", days).update();
        insert(jdbc, "insight_days_to_count (on_day)", days.stream().distinct().map(day -> List.<Object>of(day)).toList());
    }

    /**
     * A period's lines, added up from its days: one line ({@link #ALL}) without a breakdown, else
     * one per team (TEAM) or per key of the breakdown; for one team's cases, or everyone's.
     */
    Map<String, Tally> read(Period period, @Nullable Long teamId, @Nullable Breakdown by) {
        return read(period, teamId, by == null || by == Breakdown.TEAM ? "ALL" : by.name(),
            row -> by == null ? ALL : by == Breakdown.TEAM ? String.valueOf(row.getLong("team_id")) : row.getString("part_key"));
    }

    /** A period's lines per root cause, of the cases opened in it with one. */
    Map<String, Tally> causes(Period period, @Nullable Long teamId) {
        return read(period, teamId, CAUSE, row -> row.getString("part_key"));
    }

    private interface LineOf {
        String of(ResultSet row) throws SQLException;
    }

    private Map<String, Tally> read(Period period, @Nullable Long teamId, String dim, LineOf lineOf) {
        Map<String, Tally> lines = new HashMap<>();
        jdbc.sql("select team_id, part_key, " + COLUMNS + " from insight_daily where dim = ? and on_day >= ? and on_day <= ?"
                + (teamId == null ? "" : " and team_id = " + teamId))
            .params(dim, period.from(), period.to())
            .query(row -> {
                lines.computeIfAbsent(lineOf.of(row), k -> new Tally()).addRow(row);
            });
        return lines;
    }

    /**
     * Counts these days again from the facts, with those kept for later (in the caller's
     * transaction, after it has written them).
     */
    void recount(Collection<LocalDate> days) {
        TreeSet<LocalDate> sorted = new TreeSet<>(days);
        List<LocalDate> waiting = jdbc.sql("select on_day from insight_days_to_count").query(LocalDate.class).list();
        if (!waiting.isEmpty()) {
            sorted.addAll(waiting);
            jdbc.sql("delete from insight_days_to_count").update();
        }
        if (sorted.isEmpty()) {
            return;
        }
        // Consecutive days are read together: today and yesterday, or a month being counted again.
        LocalDate first = sorted.first();
        LocalDate previous = first;
        for (LocalDate day : sorted.tailSet(first, false)) {
            if (!day.equals(previous.plusDays(1)) || day.toEpochDay() - first.toEpochDay() >= DAYS_AT_A_TIME) {
                recount(first, previous);
                first = day;
            }
            previous = day;
        }
        recount(first, previous);
    }

    /** Counts every day again: the first time, and after the business's time zone changed. */
    void recountAll() {
        for (String table : List.of("insight_daily", "insight_daily_goodwill", "insight_daily_approvals", "insight_days_to_count")) {
            jdbc.sql("delete from " + table).update();
        }
        // From the first case opened to the last thing that happened: a case closed, a remedy asked for or granted.
        record Span(@Nullable Timestamp first, @Nullable Timestamp last) {}
        Span cases = jdbc.sql("select min(opened_at) first_at, max(coalesce(closed_at, opened_at)) last_at from insight_case_facts")
            .query((rs, n) -> new Span(rs.getTimestamp("first_at"), rs.getTimestamp("last_at"))).single();
        // A remedy can be asked for or granted after its case's last change of its own.
        List<Timestamp> remedies = jdbc.sql("select max(created_at) asked, max(granted_at) granted from insight_remedy_facts")
            .query((rs, n) -> java.util.Arrays.asList(rs.getTimestamp("asked"), rs.getTimestamp("granted"))).single();
        if (cases.first() != null && cases.last() != null) {
            LocalDate last = day(cases.last().toInstant());
            for (Timestamp remedy : remedies) {
                last = remedy == null || day(remedy.toInstant()).isBefore(last) ? last : day(remedy.toInstant());
            }
            for (LocalDate from = day(cases.first().toInstant()); !from.isAfter(last); from = from.plusDays(DAYS_AT_A_TIME)) {
                recount(from, min(last, from.plusDays(DAYS_AT_A_TIME - 1)));
            }
        }
        jdbc.sql("update insight_refresh set daily_zone = ? where id = 1").param(zone.getId()).update();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The day an instant falls on in the business's time zone. */
    LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private record Line(LocalDate day, long teamId, String dim, String key) {}

    private void recount(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Line, Tally> lines = new HashMap<>();
        StringBuilder keys = new StringBuilder();
        for (Breakdown by : KEYED) {
            keys.append(", ").append(by.key()).append(" key_").append(by.name().toLowerCase(java.util.Locale.ROOT));
        }
        jdbc.sql("select coalesce(team_id, -1) team, opened_at, closed_at, outcome, reopened, seconds_to_acknowledge,"
                + " seconds_to_agree, seconds_to_fulfil, acknowledge_sla, resolve_sla, fulfil_sla, promises_on_time, promises_late,"
                + " promises_broken, root_cause, responsibility, recurring" + keys + ", (select coalesce(sum(r.amount_minor), 0) from insight_remedy_facts r"
                + "   where r.case_id = f.case_id and r.state in (" + Goodwill.GRANTED + ")) granted_minor"
                + " from insight_case_facts f"
                + " where (opened_at >= :start and opened_at < :end) or (closed_at >= :start and closed_at < :end)")
            .param("start", start).param("end", end)
            // Read through a cursor: a month at a million cases a year is 170,000 facts.
            .withFetchSize(2_000)
            .query(fact -> {
                long team = fact.getLong("team");
                LocalDate opened = day(fact.getTimestamp("opened_at").toInstant());
                Timestamp closedAt = fact.getTimestamp("closed_at");
                LocalDate closed = closedAt == null ? null : day(closedAt.toInstant());
                for (Line line : lines(fact, team, opened, from, to)) {
                    lines.computeIfAbsent(line, k -> new Tally()).addOpened(fact);
                }
                for (Line line : lines(fact, team, closed, from, to)) {
                    lines.computeIfAbsent(line, k -> new Tally()).addClosed(fact);
                }
            });
        jdbc.sql("delete from insight_daily where on_day >= ? and on_day <= ?").params(from, to).update();
        List<List<Object>> rows = new ArrayList<>(lines.size());
        lines.forEach((line, tally) -> {
            List<Object> row = new ArrayList<>(List.of(line.day(), line.teamId(), line.dim(), line.key()));
            row.addAll(tally.values());
            rows.add(row);
        });
        insert(jdbc, "insight_daily (on_day, team_id, dim, part_key, " + COLUMNS + ")", rows);
        goodwill.recount(from, to, start, end);
    }

    // The lines a fact counts towards on this day: none if the day is outside the span being counted.
    private static List<Line> lines(ResultSet fact, long team, @Nullable LocalDate day, LocalDate from, LocalDate to)
        throws SQLException {
        if (day == null || day.isBefore(from) || day.isAfter(to)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>(2 + KEYED.size());
        lines.add(new Line(day, team, "ALL", ALL));
        for (Breakdown by : KEYED) {
            lines.add(new Line(day, team, by.name(),
                Objects.requireNonNull(fact.getString("key_" + by.name().toLowerCase(java.util.Locale.ROOT)))));
        }
        String cause = fact.getString("root_cause");
        if (cause != null) {
            lines.add(new Line(day, team, CAUSE, cause));
        }
        return lines;
    }

    /** Inserts these rows into the table (with its columns), a few hundred rows a statement. */
    static void insert(JdbcClient jdbc, String tableAndColumns, List<List<Object>> rows) {
        int perStatement = 200;
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<List<Object>> some = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String row = "(" + String.join(", ", java.util.Collections.nCopies(some.get(0).size(), "?")) + ")";
            StringBuilder sql = new StringBuilder("insert into " + tableAndColumns + " values ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < some.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
                params.addAll(some.get(i));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }
}
