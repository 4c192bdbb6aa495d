package org.redress.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Gives each connection taken for a request a short network timeout (the pool puts its
 * default back when the connection returns). Setting it costs no round trip.
 */
final class RequestBudgetDataSource extends DelegatingDataSource {

    private static final Executor SAME_THREAD = Runnable::run;

    private final int requestSocketMillis;

    RequestBudgetDataSource(DataSource target, int requestSocketMillis) {
        super(target);
        this.requestSocketMillis = requestSocketMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return budgeted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return budgeted(super.getConnection(username, password));
    }

    private Connection budgeted(Connection connection) throws SQLException {
        if (DatabaseTimeouts.migrating()) {
            connection.setNetworkTimeout(SAME_THREAD, 0);
        } else if (requestSocketMillis > 0 && DatabaseTimeouts.onRequest()) {
            connection.setNetworkTimeout(SAME_THREAD, requestSocketMillis);
        }
        return connection;
    }
}
