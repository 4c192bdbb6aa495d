package org.redress.remedies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** Read-only views: the approval inbox, a person's remaining authority, and the goodwill ledger. */
@Service
@Transactional(readOnly = true)
public class RemedyReports {

    private final JdbcClient jdbc;
    private final RemedyDesk desk;
    private final Remedies remedies;
    private final RemedyTypes types;
    private final AuthorityMatrix authority;
    private final java.time.ZoneId businessZone;

    RemedyReports(JdbcClient jdbc, RemedyDesk desk, Remedies remedies, RemedyTypes types, AuthorityMatrix authority,
                  java.time.ZoneId businessZone) {
        this.businessZone = businessZone;
        this.jdbc = jdbc;
        this.desk = desk;
        this.remedies = remedies;
        this.types = types;
        this.authority = authority;
    }

    /** Requests waiting for a decision that this person may make (not their own), the most overdue first. */
    public List<RemedyView> approvals(RedressUser me) {
        if (!me.supervises()) {
            return List.of();
        }
        return jdbc.sql("select id from remedies where state = 'PENDING_APPROVAL' and (proposed_by_id is null or proposed_by_id <> ?)"
                + " order by approval_due_at, id limit 200")
            .param(me.id()).query(Long.class).list().stream()
            .map(id -> desk.view(remedies.findById(id).orElseThrow())).toList();
    }

    @Schema(name = "RemedyAuthority", description = "Your authority for a remedy type, and what you have used of it this month.")
    public record AuthorityLine(
        @Schema(description = "Remedy type code.") String type,
        @Schema(description = "Its name.") String label,
        @Schema(description = "Most you may grant on one case.") String perCase,
        @Schema(description = "Most you may grant in a calendar month.") String perMonth,
        @Schema(description = "What you granted this month.") String usedThisMonth,
        @Schema(description = "What you may still grant this month.") String leftThisMonth,
        @Schema(description = "Currency.") String currency) {}

    public List<AuthorityLine> authorityOf(RedressUser me) {
        List<AuthorityLine> lines = new ArrayList<>();
        for (RemedyType type : types.findAllByOrderByLabelAsc()) {
            if (!type.active()) {
                continue;
            }
            authority.of(me.id(), me.role(), type.code()).ifPresent(limits -> {
                Money used = authority.grantedThisMonth(me.id(), type.code());
                Money left = limits.perMonth().minus(used);
                lines.add(new AuthorityLine(type.code(), type.label(), limits.perCase().amount(), limits.perMonth().amount(),
                    used.amount(), (left.isPositive() ? left : Money.zero(left.currency())).amount(),
                    left.currency().getCurrencyCode()));
            });
        }
        return lines;
    }

    @Schema(name = "LedgerLine", description = "Goodwill given, for one group.")
    public record LedgerLine(
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

    /**
     * Everything granted, largest first, grouped by person, team, category (the case's) or
     * calendar month of granting in the business time zone. A remedy counts once, for the
     * person who asked for it (and their team), so the totals add up; an approver is credited
     * separately, with what they approved for others.
     */
    public List<LedgerLine> ledger(@Nullable String by, java.util.Currency currency) {
        String grouping = by == null ? "agent" : by.trim().toLowerCase(Locale.ROOT);
        @Nullable String group = switch (grouping) {
            case "agent" -> "r.proposed_by_name";
            case "team" -> "coalesce(t.name, 'No team')";
            case "category" -> "c.category";
            case "month" -> null;
            default -> throw InvalidInput.field("by", "must be agent, team, category or month");
        };
        String granted = String.join(", ", Remedy.State.GRANTED.stream().map(s -> "'" + s.name() + "'").toList());
        if (group == null) {
            return byMonth(granted, currency);
        }
        // Approvals: a remedy granted by someone other than its proposer, credited to the approver.
        String approvals = !grouping.equals("agent") ? ""
            : " union all select r.granted_by_name as grp, 0 as asked, 0 as asked_minor, 0 as fulfilled, 0 as fulfilled_minor,"
                + " 1 as approved, r.amount_minor as approved_minor from remedies r where r.state in (" + granted + ")"
                + " and r.granted_by_id is not null and (r.proposed_by_id is null or r.granted_by_id <> r.proposed_by_id)";
        return jdbc.sql("select grp, sum(asked) as granted, sum(asked_minor) as granted_minor, sum(fulfilled) as fulfilled,"
                + " sum(fulfilled_minor) as fulfilled_minor, sum(approved) as approved, sum(approved_minor) as approved_minor"
                + " from (select " + group + " as grp, 1 as asked, r.amount_minor as asked_minor,"
                + " case when r.state = 'FULFILLED' then 1 else 0 end as fulfilled,"
                + " case when r.state = 'FULFILLED' then r.amount_minor else 0 end as fulfilled_minor,"
                + " 0 as approved, 0 as approved_minor"
                + " from remedies r join recovery_cases c on c.id = r.case_id"
                + " left join users u on u.id = r.proposed_by_id left join teams t on t.id = u.team_id"
                + " where r.state in (" + granted + ")" + approvals + ") lines group by grp")
            .query((rs, n) -> new LedgerLine(rs.getString("grp"), rs.getLong("granted"),
                new Money(rs.getLong("granted_minor"), currency).amount(), rs.getLong("fulfilled"),
                new Money(rs.getLong("fulfilled_minor"), currency).amount(), rs.getLong("approved"),
                new Money(rs.getLong("approved_minor"), currency).amount(), currency.getCurrencyCode()))
            .list().stream()
            .sorted(Comparator.comparing((LedgerLine line) -> new java.math.BigDecimal(line.grantedAmount()))
                .thenComparing(line -> new java.math.BigDecimal(line.approvedAmount())).reversed())
            .toList();
    }

    // Months in the business time zone, as authority months are; the database's zone may differ.
    private List<LedgerLine> byMonth(String granted, java.util.Currency currency) {
        record Row(java.time.Instant at, long amount, boolean fulfilled) {}
        java.util.Map<java.time.YearMonth, long[]> totals = new java.util.TreeMap<>();
        jdbc.sql("select granted_at, amount_minor, state from remedies where state in (" + granted + ") and granted_at is not null")
            .query((rs, n) -> new Row(rs.getTimestamp("granted_at").toInstant(), rs.getLong("amount_minor"),
                rs.getString("state").equals("FULFILLED")))
            .list()
            .forEach(row -> {
                long[] sums = totals.computeIfAbsent(java.time.YearMonth.from(row.at().atZone(businessZone)), m -> new long[4]);
                sums[0]++;
                sums[1] += row.amount();
                if (row.fulfilled()) {
                    sums[2]++;
                    sums[3] += row.amount();
                }
            });
        List<LedgerLine> lines = new ArrayList<>();
        totals.forEach((month, sums) -> lines.add(new LedgerLine(month.toString(), sums[0], new Money(sums[1], currency).amount(),
            sums[2], new Money(sums[3], currency).amount(), 0, Money.zero(currency).amount(), currency.getCurrencyCode())));
        return lines;
    }
}
