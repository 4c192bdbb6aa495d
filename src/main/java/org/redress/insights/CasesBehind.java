package org.redress.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/** The cases behind a figure ({@link CaseDrill}), a page at a time, newest first; from the same facts the figure counted. */
@Service
@ReportReads
public class CasesBehind {

    @Schema(name = "CaseBehindAFigure", description = "One case a figure counted.")
    public record Row(@Schema(description = "The case's number.") String number,
                      @Schema(description = "Its subject.") String subject,
                      @Schema(description = "When it was opened.") Instant openedAt,
                      @Schema(description = "When it was closed (none: open).") @Nullable Instant closedAt,
                      @Schema(description = "Its team (Shared inbox: none).") String team,
                      @Schema(description = "Who holds it (none: nobody).") @Nullable String holder,
                      @Schema(description = "Its category's code.") String category,
                      @Schema(description = "Its root cause's name, once found.") @Nullable String cause,
                      @Schema(description = "RECOVERED or NOT_RECOVERED, once closed with an outcome.") @Nullable String outcome) {}

    // The console's page (numbered pages); the API answers CasesBehindApiController.CasePage.
    public record Page(@Schema(description = "The period.") Period period,
                       @Schema(description = "How many cases the figure counted.") long total,
                       @Schema(description = "This page's number.") int page,
                       @Schema(description = "How many pages there are.") long pages,
                       @Schema(description = "The cases, newest first.") List<Row> rows,
                       @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CasesBehind(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Page of(CaseDrill drill, LocalDate today) {
        CaseDrill.Condition cases = drill.condition(today, zone);
        int page = drill.pageNumber();
        long total = jdbc.sql("select count(*) from insight_case_facts f" + cases.where()).params(cases.params())
            .query(Long.class).single();
        Map<Long, String> teams = RecoverySummary.teamNames(jdbc);
        List<Object> params = new ArrayList<>(cases.params());
        params.add(CaseDrill.PAGE_SIZE);
        params.add((page - 1) * CaseDrill.PAGE_SIZE);
        String newest = drill.closed() ? "f.closed_at" : "f.opened_at";
        List<Row> rows = jdbc.sql("select f.case_id, c.subject, f.opened_at, f.closed_at, coalesce(f.team_id, -1) team_key,"
                + " u.name holder, f.category, coalesce(t.label, f.root_cause) cause, f.outcome"
                + " from insight_case_facts f join recovery_cases c on c.id = f.case_id left join users u on u.id = f.assignee_id"
                + " left join taxonomy_entries t on t.kind = 'root-cause' and t.code = f.root_cause" + cases.where()
                + " order by " + newest + " desc, f.case_id desc limit ? offset ?")
            .params(params)
            .query((rs, n) -> {
                Timestamp closed = rs.getTimestamp("closed_at");
                return new Row(CaseNumber.format(rs.getLong("case_id")), rs.getString("subject"),
                    rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                    RecoverySummary.teamName(rs.getString("team_key"), teams), rs.getString("holder"), rs.getString("category"),
                    rs.getString("cause"), rs.getString("outcome"));
            })
            .list();
        return new Page(cases.period(), total, page, Math.max(1, (total + CaseDrill.PAGE_SIZE - 1) / CaseDrill.PAGE_SIZE), rows,
            RecoverySummary.asOf(jdbc));
    }
}
