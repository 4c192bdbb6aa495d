package org.redress.insights;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.platform.ReadReplica;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every case opened in a period with its facts (or the cases behind one figure: {@link CaseDrill}),
 * one CSV line each (RFC 4180), for a spreadsheet or another tool. Read from the facts through a database cursor a few thousand
 * rows at a time and written as read, so a million cases take the same memory as ten.
 */
@Component
class CaseExport {

    static final List<String> COLUMNS = List.of("case", "opened_at", "team", "assignee_id", "category", "channel", "severity",
        "acknowledged_at", "agreed_at", "fulfilled_at", "closed_at", "outcome", "close_reason", "minutes_to_acknowledge",
        "minutes_to_agree", "minutes_to_fulfil", "acknowledge_target", "resolve_target", "fulfil_target",
        "promises_kept_on_time", "promises_kept_late", "promises_broken", "active_again_at");
    private static final int FETCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    CaseExport(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // Read-only, on the read replica when there is one: the facts it reads tolerate a short lag.
        this.readOnly = ReadReplica.readOnlyTemplate(transactions);
    }

    /** The export as a download: named after the period, written to the response as it is read. */
    void download(CaseDrill.Condition cases, @Nullable Long teamId, HttpServletResponse response) throws IOException {
        Period period = cases.period();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"redress-cases-" + period.from() + "-to-" + period.to()
            + (teamId == null ? "" : "-team-" + teamId) + ".csv\"");
        write(cases, new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024));
    }

    /** Writes the header and one line per case the condition keeps (by default: opened in the period), oldest first. */
    void write(CaseDrill.Condition cases, Writer out) {
        line(out, String.join(",", COLUMNS));
        // A cursor needs a transaction on PostgreSQL; without one the driver reads every row first.
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select f.case_id, f.opened_at, t.name team, f.assignee_id, f.category, f.channel, f.severity,
                           f.acknowledged_at, f.agreed_at, f.fulfilled_at, f.closed_at, f.outcome, f.close_reason,
                           f.seconds_to_acknowledge, f.seconds_to_agree, f.seconds_to_fulfil, f.acknowledge_sla,
                           f.resolve_sla, f.fulfil_sla, f.promises_on_time, f.promises_late, f.promises_broken,
                           f.active_again_at
                    from insight_case_facts f left join teams t on t.id = f.team_id""" + cases.where()
                    + " order by f.opened_at, f.case_id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH);
            for (int i = 0; i < cases.params().size(); i++) {
                statement.setObject(i + 1, cases.params().get(i));
            }
            return statement;
        }, (RowCallbackHandler) row -> line(out, csv(row))));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(ResultSet row) throws SQLException {
        StringBuilder line = new StringBuilder(256);
        line.append(CaseNumber.format(row.getLong("case_id"))).append(',');
        instant(line, row.getTimestamp("opened_at")).append(',');
        text(line, row.getString("team")).append(',');
        number(line, row.getObject("assignee_id", Long.class)).append(',');
        text(line, row.getString("category")).append(',');
        text(line, row.getString("channel")).append(',');
        line.append(row.getInt("severity")).append(',');
        instant(line, row.getTimestamp("acknowledged_at")).append(',');
        instant(line, row.getTimestamp("agreed_at")).append(',');
        instant(line, row.getTimestamp("fulfilled_at")).append(',');
        instant(line, row.getTimestamp("closed_at")).append(',');
        text(line, row.getString("outcome")).append(',');
        text(line, row.getString("close_reason")).append(',');
        minutes(line, row.getObject("seconds_to_acknowledge", Long.class)).append(',');
        minutes(line, row.getObject("seconds_to_agree", Long.class)).append(',');
        minutes(line, row.getObject("seconds_to_fulfil", Long.class)).append(',');
        text(line, row.getString("acknowledge_sla")).append(',');
        text(line, row.getString("resolve_sla")).append(',');
        text(line, row.getString("fulfil_sla")).append(',');
        line.append(row.getInt("promises_on_time")).append(',');
        line.append(row.getInt("promises_late")).append(',');
        line.append(row.getInt("promises_broken")).append(',');
        instant(line, row.getTimestamp("active_again_at"));
        return line.toString();
    }

    private static StringBuilder instant(StringBuilder line, @Nullable Timestamp at) {
        return at == null ? line : line.append(at.toInstant());
    }

    private static StringBuilder number(StringBuilder line, @Nullable Long value) {
        return value == null ? line : line.append(value.longValue());
    }

    // Minutes with one decimal, from the seconds the facts hold.
    private static StringBuilder minutes(StringBuilder line, @Nullable Long seconds) {
        return seconds == null ? line : line.append(Math.round(seconds / 6.0) / 10.0);
    }

    /**
     * A text field, quoted when it holds a comma, quote or line break (RFC 4180); one that a
     * spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote mark so it is
     * shown, not run (a team's name is typed by people).
     */
    static StringBuilder text(StringBuilder line, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return line.append(safe);
        }
        return line.append('"').append(safe.replace("\"", "\"\"")).append('"');
    }

    private static void line(Writer out, String line) {
        try {
            out.write(line);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
