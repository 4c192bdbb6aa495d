package org.redress.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The goodwill ledger: every remedy granted, all time, totalled by the person who asked for it,
 * their team, the case's category or the month it was granted, with whoever approved it beyond
 * the asker's authority credited separately. A report across modules (remedies, cases, people,
 * teams), so it lives here, read from their tables by their documented columns.
 */
@Service
@ReportReads
public class GoodwillLedger {

    /** The remedy states in which goodwill stands granted: not withdrawn, rejected or declined. */
    private static final String GRANTED = "'APPROVED', 'OFFERED', 'ACCEPTED', 'COUNTERED', 'FULFILLED'";

    @Schema(name = "LedgerLine", description = "Goodwill given, for one group.")
    public record Line(
        @Schema(description = "The group: a person's name, a team, a category or a month (YYYY-MM).") String group,
        @Schema(description = "Remedies granted (not withdrawn, rejected or declined); by person and team, those the person "
            + "(or the team's people) asked for, whoever approved them.") long granted,
        @Schema(description = "Their total.") String grantedAmount,
        @Schema(description = "Of those, fulfilled.") long fulfilled,
        @Schema(description = "Total fulfilled.") String fulfilledAmount,
        @Schema(description = "By person only: remedies others asked for that this person approved beyond the asker's "
            + "authority (0 for other groupings).") long approved,
        @Schema(description = "Their total.") String approvedAmount,
        @Schema(description = "Currency.") String currency) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Currency currency;

    GoodwillLedger(JdbcClient jdbc, ZoneId businessZone, @Value("${redress.remedies.currency:EUR}") Currency currency) {
        this.jdbc = jdbc;
        this.zone = businessZone;
        this.currency = currency;
    }

    /**
     * Everything granted, largest first, grouped by person ({@code agent}, the default), team,
     * category or month of granting in the business time zone. A remedy counts once, for the
     * person who asked for it (and their team), so the totals add up; an approver is credited
     * separately, with what they approved for others.
     */
    public List<Line> by(@Nullable String by) {
        String grouping = by == null ? "agent" : by.trim().toLowerCase(Locale.ROOT);
        String group = switch (grouping) {
            case "agent" -> "r.proposed_by_name";
            case "team" -> "coalesce(t.name, 'No team')";
            case "category" -> "c.category";
            case "month" -> "";
            default -> throw InvalidInput.field("by", "must be agent, team, category or month");
        };
        if (group.isEmpty()) {
            return byMonth();
        }
        // Approvals: a remedy granted by someone other than its proposer, credited to the approver.
        String approvals = !grouping.equals("agent") ? ""
            : " union all select r.granted_by_name as grp, 0 as asked, 0 as asked_minor, 0 as fulfilled, 0 as fulfilled_minor,"
                + " 1 as approved, r.amount_minor as approved_minor from remedies r where r.state in (" + GRANTED + ")"
                + " and r.granted_by_id is not null and (r.proposed_by_id is null or r.granted_by_id <> r.proposed_by_id)";
        return jdbc.sql("select grp, sum(asked) as granted, sum(asked_minor) as granted_minor, sum(fulfilled) as fulfilled,"
                + " sum(fulfilled_minor) as fulfilled_minor, sum(approved) as approved, sum(approved_minor) as approved_minor"
                + " from (select " + group + " as grp, 1 as asked, r.amount_minor as asked_minor,"
                + " case when r.state = 'FULFILLED' then 1 else 0 end as fulfilled,"
                + " case when r.state = 'FULFILLED' then r.amount_minor else 0 end as fulfilled_minor,"
                + " 0 as approved, 0 as approved_minor"
                + " from remedies r join recovery_cases c on c.id = r.case_id"
                + " left join users u on u.id = r.proposed_by_id left join teams t on t.id = u.team_id"
                + " where r.state in (" + GRANTED + ")" + approvals + ") lines group by grp")
            .query((rs, n) -> new Line(rs.getString("grp"), rs.getLong("granted"), amount(rs.getLong("granted_minor")),
                rs.getLong("fulfilled"), amount(rs.getLong("fulfilled_minor")), rs.getLong("approved"),
                amount(rs.getLong("approved_minor")), currency.getCurrencyCode()))
            .list().stream()
            .sorted(Comparator.comparing((Line line) -> new BigDecimal(line.grantedAmount()))
                .thenComparing(line -> new BigDecimal(line.approvedAmount())).reversed())
            .toList();
    }

    // Months in the business time zone, as authority months are; the database's zone may differ.
    private List<Line> byMonth() {
        record Row(Instant at, long amount, boolean fulfilled) {}
        Map<YearMonth, long[]> totals = new TreeMap<>();
        jdbc.sql("select granted_at, amount_minor, state from remedies where state in (" + GRANTED + ") and granted_at is not null")
            .query((rs, n) -> new Row(rs.getTimestamp("granted_at").toInstant(), rs.getLong("amount_minor"),
                rs.getString("state").equals("FULFILLED")))
            .list()
            .forEach(row -> {
                long[] sums = totals.computeIfAbsent(YearMonth.from(row.at().atZone(zone)), month -> new long[4]);
                sums[0]++;
                sums[1] += row.amount();
                if (row.fulfilled()) {
                    sums[2]++;
                    sums[3] += row.amount();
                }
            });
        List<Line> lines = new ArrayList<>();
        totals.forEach((month, sums) -> lines.add(new Line(month.toString(), sums[0], amount(sums[1]), sums[2], amount(sums[3]),
            0, amount(0), currency.getCurrencyCode())));
        return lines;
    }

    private String amount(long minor) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }
}
