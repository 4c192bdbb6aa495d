package org.redress.platform;

import java.sql.PreparedStatement;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A PostgreSQL statement over arrays (a batch's rows, one array a column), planned for the
 * arrays it is given every time it runs. The driver otherwise keeps a statement's plan for the
 * life of its connection once it has run a few times, and a plan made while the tables were
 * small (a new database, not analyzed yet) scans them whole ever after: measured at 9,163
 * sequential scans in 75 s of intake (ADR 18).
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
