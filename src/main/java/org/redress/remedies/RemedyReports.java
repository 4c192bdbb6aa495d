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

/** Read-only views: the approval inbox and a person's remaining authority (the goodwill ledger is a report of insights). */
@Service
@Transactional(readOnly = true)
public class RemedyReports {

    private final JdbcClient jdbc;
    private final RemedyDesk desk;
    private final Remedies remedies;
    private final RemedyTypes types;
    private final AuthorityMatrix authority;

    RemedyReports(JdbcClient jdbc, RemedyDesk desk, Remedies remedies, RemedyTypes types, AuthorityMatrix authority) {
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
}
