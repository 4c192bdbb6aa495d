package org.redress.platform;

import java.sql.PreparedStatement;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A PostgreSQL statement over arrays (a batch's rows, one array a column), planned for the
 * arrays it is given every time it runs. Otherwise PostgreSQL may keep one plan for the
 * statement on the connection once it has run a few times, and a plan made while the tables
 * were small (a new database, not analyzed yet) scans them whole until they are analyzed
 * again: with autovacuum off, measured at 9,163 sequential scans in 75 s of intake (ADR 18).
 * Planning each time costs more than the statement's execution here (0.4–0.6 ms a batch), so
 * a statement that reads no table is better left to the kept plan.
 */
public final class PlannedEachTime {

    private PlannedEachTime() {}

    /** The statement with these parameters (arrays as Java arrays: {@code long[]}, {@code String[]}). */
    public static PreparedStatementCreator statement(String sql, Object... params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int p = 0; p < params.length; p++) {
                statement.setObject(p + 1, params[p]);
            }
            return statement;
        };
    }
}
