package org.redress.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What goodwill cost in a period and what it bought: the remedies granted in it (not taken
 * back), how much of that was delivered, per remedy type, category, team and agent (who
 * asked for it); goodwill per recovered case; and the approvals asked for, granted, refused
 * and still waiting, with the median time to decide. Read from the remedy facts
 * ({@link RemedyFacts}) beside the case facts, so as fresh as their last refresh.
 */
@Service
@ReportReads
public class Goodwill {

    /** Remedy states that count as granted (and not taken back). */
    static final String GRANTED = "'APPROVED', 'OFFERED', 'ACCEPTED', 'COUNTERED', 'FULFILLED'";

    @Schema(name = "GoodwillLine", description = "Goodwill granted in the period for one type, category, team or agent.")
    public record Line(@Schema(description = "The type, category, team or agent.") String name,
                       @Schema(description = "Remedies granted.") long remedies,
                       @Schema(description = "Their total, e.g. \"120.00\".") String granted,
                       @Schema(description = "Of it, delivered so far.") String delivered) {}

    @Schema(name = "GoodwillApprovals", description = "Remedies proposed in the period beyond their proposer's authority.")
    public record Approvals(@Schema(description = "Sent for approval.") long asked,
                            @Schema(description = "Approved.") long granted,
                            @Schema(description = "Refused.") long refused,
                            @Schema(description = "Still waiting.") long waiting,
                            @Schema(description = "Median time from the request to the decision, in hours (from daily histograms: within 5%); none before any decision.") @Nullable Double medianHoursToDecide) {}

    @Schema(name = "GoodwillAgainstValue", description = "Goodwill granted in the period to customers whose lifetime value is "
        + "known (in the same currency), against that value.")
    public record AgainstValue(@Schema(description = "Customers with a known lifetime value who were granted goodwill.") long customers,
                               @Schema(description = "Goodwill granted to them.") String granted,
                               @Schema(description = "Their lifetime value, added up.") String lifetimeValue,
                               @Schema(description = "Granted ÷ lifetime value, in per cent; none without such customers.") @Nullable Double percent,
                               @Schema(description = "The median customer's goodwill as a share of their own lifetime value, in per cent.") @Nullable Double medianPercent) {}

    @Schema(name = "Goodwill", description = "Goodwill granted in a period, what it went on, and its approvals.")
    public record Report(@Schema(description = "The period (remedies granted in it; approvals asked in it).") Period period,
                         @Schema(description = "Only this team's cases; none for all.") @Nullable Long team,
                         @Schema(description = "Currency of the amounts (ISO 4217); none before any remedy.") @Nullable String currency,
                         @Schema(description = "Remedies granted and not taken back.") long remedies,
                         @Schema(description = "Their total.") String granted,
                         @Schema(description = "Of it, delivered so far.") String delivered,
                         @Schema(description = "Cases closed as recovered in the period.") long recoveredCases,
                         @Schema(description = "Goodwill granted on those cases, per case; none without any.") @Nullable String perRecoveredCase,
                         @Schema(description = "Per remedy type, largest first.") List<Line> byType,
                         @Schema(description = "Per category of the case.") List<Line> byCategory,
                         @Schema(description = "Per team of the case (Shared inbox: none).") List<Line> byTeam,
                         @Schema(description = "Per agent who asked for it.") List<Line> byAgent,
                         @Schema(description = "Approvals asked in the period.") Approvals approvals,
                         @Schema(description = "Goodwill against the customers' lifetime value, where it is known.") AgainstValue againstLifetimeValue,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final DailyFigures daily;
    private final DailyGoodwill dailyGoodwill;
    private final ZoneId zone;

    Goodwill(JdbcClient jdbc, DailyFigures daily, DailyGoodwill dailyGoodwill, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.daily = daily;
        this.dailyGoodwill = dailyGoodwill;
        this.zone = businessZone;
    }

    // What was granted in the period, what it went on, and the approvals asked in it.
    private record Granting(Line total, DailyGoodwill.Recovered recovered, List<Line> byType, List<Line> byCategory,
                            List<Line> byTeam, List<Line> byAgent, Approvals approvals) {}

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        String team = RecoverySummary.onTeam(teamId);
        String currency = jdbc.sql("select currency from insight_remedy_facts fetch first 1 rows only").query(String.class)
            .optional().orElse(null);
        int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        // From the daily figures once they are counted (ADR 16); from the facts until then.
        Granting granting = daily.upToDate() ? fromDaily(period, teamId, teams, digits) : fromFacts(params, team, teams, digits);
        return new Report(period, teamId, currency, granting.total().remedies(), granting.total().granted(),
            granting.total().delivered(), granting.recovered().cases(), granting.recovered().cases() == 0 ? null
                : money(Math.round((double) granting.recovered().grantedMinor() / granting.recovered().cases()), digits),
            granting.byType(), granting.byCategory(), granting.byTeam(), granting.byAgent(), granting.approvals(),
            againstValue(params, teamId, digits), RecoverySummary.asOf(jdbc));
    }

    private Granting fromDaily(Period period, @Nullable Long teamId, Map<Long, String> teams, int digits) {
        List<DailyGoodwill.Granted> granted = dailyGoodwill.granted(period, teamId);
        DailyGoodwill.Asked asked = dailyGoodwill.asked(period, teamId);
        Double median = asked.toDecide.percentile(0.5);
        Line total = new Line("all", granted.stream().mapToLong(DailyGoodwill.Granted::remedies).sum(),
            money(granted.stream().mapToLong(DailyGoodwill.Granted::grantedMinor).sum(), digits),
            money(granted.stream().mapToLong(DailyGoodwill.Granted::deliveredMinor).sum(), digits));
        return new Granting(total, dailyGoodwill.recovered(period, teamId),
            lines(granted, DailyGoodwill.Granted::type, digits), lines(granted, DailyGoodwill.Granted::category, digits),
            named(lines(granted, g -> String.valueOf(g.teamId()), digits), teams),
            lines(granted, DailyGoodwill.Granted::proposedBy, digits),
            new Approvals(asked.asked, asked.approved, asked.refused, asked.waiting,
                median == null ? null : Math.round(median / 360.0) / 10.0));
    }

    // The lines added up per value of the key, largest total first.
    private static List<Line> lines(List<DailyGoodwill.Granted> granted, java.util.function.Function<DailyGoodwill.Granted, String> key,
                                    int digits) {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (DailyGoodwill.Granted one : granted) {
            long[] sum = sums.computeIfAbsent(key.apply(one), k -> new long[3]);
            sum[0] += one.remedies();
            sum[1] += one.grantedMinor();
            sum[2] += one.deliveredMinor();
        }
        return sums.entrySet().stream()
            .sorted(java.util.Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
            .map(e -> new Line(e.getKey(), e.getValue()[0], money(e.getValue()[1], digits), money(e.getValue()[2], digits)))
            .toList();
    }

    private static List<Line> named(List<Line> byTeam, Map<Long, String> teams) {
        return byTeam.stream()
            .map(line -> new Line(RecoverySummary.teamName(line.name(), teams), line.remedies(), line.granted(), line.delivered()))
            .toList();
    }

    private Granting fromFacts(Map<String, Object> params, String team, Map<Long, String> teams, int digits) {
        String granted = " from insight_remedy_facts r join insight_case_facts f on f.case_id = r.case_id"
            + " where r.granted_at >= :start and r.granted_at < :end and r.state in (" + GRANTED + ")" + team;
        Line total = jdbc.sql("select count(*) remedies, coalesce(sum(r.amount_minor), 0) granted,"
                + " coalesce(sum(case when r.state = 'FULFILLED' then r.amount_minor else 0 end), 0) delivered" + granted)
            .params(params)
            .query((rs, n) -> new Line("all", rs.getLong("remedies"), money(rs.getLong("granted"), digits),
                money(rs.getLong("delivered"), digits)))
            .single();
        DailyGoodwill.Recovered recovered = jdbc.sql("select count(*) cases, coalesce(sum((select coalesce(sum(r.amount_minor), 0)"
                + " from insight_remedy_facts r where r.case_id = f.case_id and r.state in (" + GRANTED + "))), 0) total"
                + " from insight_case_facts f where f.outcome = 'RECOVERED' and f.closed_at >= :start and f.closed_at < :end" + team)
            .params(params).query((rs, n) -> new DailyGoodwill.Recovered(rs.getLong("cases"), rs.getLong("total"))).single();
        return new Granting(total, recovered, lines("r.remedy_type", granted, params, digits),
            lines("f.category", granted, params, digits), named(lines("coalesce(f.team_id, -1)", granted, params, digits), teams),
            lines("r.proposed_by_name", granted, params, digits), approvals(params, team));
    }

    // Per customer with a known lifetime value in the remedies' currency: what they were granted
    // beside that value. The period's grants added up per customer first (from the remedy facts
    // alone), then each customer looked up once.
    private AgainstValue againstValue(Map<String, Object> params, @Nullable Long teamId, int digits) {
        String team = teamId == null ? "" : " and r.team_id = " + teamId;
        return jdbc.sql("select count(*) customers, coalesce(sum(g.granted), 0) granted, coalesce(sum(g.value_minor), 0) value_minor,"
                + " percentile_cont(0.5) within group (order by cast(g.granted as double precision) / g.value_minor) median"
                + " from (select p.granted, cast(round(cu.lifetime_value * " + (long) Math.pow(10, digits) + ") as bigint) value_minor"
                + "   from (select r.customer_id, r.currency, sum(r.amount_minor) granted from insight_remedy_facts r"
                + "     where r.granted_at >= :start and r.granted_at < :end and r.state in (" + GRANTED + ")" + team
                + "     group by r.customer_id, r.currency) p"
                + "   join customers cu on cu.id = p.customer_id and cu.currency = p.currency where cu.lifetime_value > 0) g")
            .params(params)
            .query((rs, n) -> {
                long customers = rs.getLong("customers");
                long grantedMinor = rs.getLong("granted");
                long valueMinor = rs.getLong("value_minor");
                return new AgainstValue(customers, money(grantedMinor, digits), money(valueMinor, digits),
                    valueMinor == 0 ? null : Math.round(1000.0 * grantedMinor / valueMinor) / 10.0,
                    customers == 0 ? null : Math.round(rs.getDouble("median") * 1000) / 10.0);
            })
            .single();
    }

    // Remedies granted, their total and what was delivered, per value of the key, largest total first.
    private List<Line> lines(String key, String granted, Map<String, Object> params, int digits) {
        return jdbc.sql("select " + key + " grp, count(*) remedies, sum(r.amount_minor) granted,"
                + " sum(case when r.state = 'FULFILLED' then r.amount_minor else 0 end) delivered" + granted
                + " group by " + key + " order by sum(r.amount_minor) desc, " + key)
            .params(params)
            .query((rs, n) -> new Line(rs.getString("grp"), rs.getLong("remedies"), money(rs.getLong("granted"), digits),
                money(rs.getLong("delivered"), digits)))
            .list();
    }

    private Approvals approvals(Map<String, Object> params, String team) {
        return jdbc.sql("select count(*) asked, count(r.granted_at) approved,"
                + " count(case when r.state = 'REJECTED' then 1 end) refused,"
                + " count(case when r.state = 'PENDING_APPROVAL' then 1 end) waiting,"
                + " count(r.seconds_to_decide) decided, percentile_cont(0.5) within group (order by r.seconds_to_decide) median"
                + " from insight_remedy_facts r join insight_case_facts f on f.case_id = r.case_id"
                + " where r.approval_asked and r.created_at >= :start and r.created_at < :end" + team)
            .params(params)
            .query((rs, n) -> new Approvals(rs.getLong("asked"), rs.getLong("approved"), rs.getLong("refused"),
                rs.getLong("waiting"), rs.getLong("decided") == 0 ? null
                    : Math.round(rs.getDouble("median") / 360.0) / 10.0))
            .single();
    }

    private static String money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
