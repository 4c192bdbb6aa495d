package org.redress.platform;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Applies the statement timeout that fits the caller, and tells a lost write from a refused one. */
final class TimedJdbcTemplate extends JdbcTemplate {

    private final int requestSeconds;
    private final int backgroundSeconds;

    TimedJdbcTemplate(DataSource dataSource, int requestSeconds, int backgroundSeconds) {
        super(dataSource);
        this.requestSeconds = requestSeconds;
        this.backgroundSeconds = backgroundSeconds;
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        int limit = DatabaseTimeouts.onRequest() ? requestSeconds : backgroundSeconds;
        int current = statement.getQueryTimeout();
        if (limit > 0 && (current == 0 || current > limit)) {
            statement.setQueryTimeout(limit);
        }
    }

    // A write outside a transaction commits by itself: if the connection is lost while
    // it runs, nobody knows whether it was applied.
    @Override
    protected DataAccessException translateException(String task, @Nullable String sql, SQLException e) {
        if (sql != null && Outages.isConnectionFailure(e) && !TransactionSynchronizationManager.isActualTransactionActive()
            && !sql.strip().toLowerCase(Locale.ROOT).startsWith("select")) {
            return new DataAccessResourceFailureException(e.getMessage(), new OutcomeUnknown(task, e));
        }
        return super.translateException(task, sql, e);
    }
}
