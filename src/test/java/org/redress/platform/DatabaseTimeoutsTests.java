package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a lost connection means for the answer, and which limits a statement gets, against
 * a fake database whose connection breaks where the test says.
 */
class DatabaseTimeoutsTests {

    private static final String CONNECTION_FAILURE = "08006";
    private final Outages outages = new Outages(new DatabaseSettings(Duration.ofMillis(3500), Duration.ofSeconds(3),
        Duration.ofSeconds(120), Duration.ofSeconds(5)));
    private final FakeDatabase database = new FakeDatabase();

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aConnectionLostDuringCommitLeavesTheOutcomeUnknown() {
        database.failCommit = true;
        TransactionTemplate transaction = new TransactionTemplate(new CommitAwareTransactionManager(database));
        TimedJdbcTemplate jdbc = new TimedJdbcTemplate(database, 3, 120);

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> jdbc.update("insert into t values (1)")));

        assertThat(failure).isInstanceOf(OutcomeUnknown.class);
        assertThat(outages.of(failure)).isEqualTo(Outages.OUTCOME_UNKNOWN);
    }

    @Test
    void aConnectionLostBeforeCommitChangedNothing() {
        database.failStatements = true;
        TransactionTemplate transaction = new TransactionTemplate(new CommitAwareTransactionManager(database));
        TimedJdbcTemplate jdbc = new TimedJdbcTemplate(database, 3, 120);

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> jdbc.update("insert into t values (1)")));

        assertThat(outages.of(failure)).isEqualTo(Outages.UNREACHABLE);
    }

    @Test
    void aWriteOutsideATransactionThatLosesItsConnectionMayHaveBeenApplied() {
        database.failStatements = true;
        TimedJdbcTemplate jdbc = new TimedJdbcTemplate(database, 3, 120);

        Throwable write = catchThrowable(() -> jdbc.update("update t set a = 1"));
        Throwable read = catchThrowable(() -> jdbc.update("select 1"));

        assertThat(outages.of(write)).isEqualTo(Outages.OUTCOME_UNKNOWN);
        assertThat(outages.of(read)).isEqualTo(Outages.UNREACHABLE);
    }

    @Test
    void aStatementOfARequestGetsTheShortLimitAndOtherWorkTheLongOne() {
        TimedJdbcTemplate jdbc = new TimedJdbcTemplate(database, 3, 120);

        jdbc.update("update t set a = 1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        jdbc.update("update t set a = 2");

        assertThat(database.queryTimeouts).containsExactly(120, 3);
    }

    @Test
    void aConnectionTakenForARequestGetsTheShortNetworkTimeout() throws SQLException {
        DataSource budgeted = new RequestBudgetDataSource(database, 3500);

        budgeted.getConnection();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        budgeted.getConnection();

        assertThat(database.networkTimeouts).containsExactly(3500);
    }

    /** A database that answers every statement with one row changed, unless told to fail. */
    private static final class FakeDatabase implements DataSource {

        boolean failStatements;
        boolean failCommit;
        final List<Integer> queryTimeouts = new ArrayList<>();
        final List<Integer> networkTimeouts = new ArrayList<>();

        @Override
        public Connection getConnection() {
            boolean[] autoCommit = {true};
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement", "createStatement" -> statement();
                    case "commit" -> {
                        if (failCommit) {
                            throw new SQLException("An I/O error occurred while sending to the backend.", CONNECTION_FAILURE);
                        }
                        yield null;
                    }
                    case "setNetworkTimeout" -> {
                        networkTimeouts.add((Integer) args[1]);
                        yield null;
                    }
                    case "getAutoCommit" -> autoCommit[0];
                    case "setAutoCommit" -> {
                        autoCommit[0] = (Boolean) args[0];
                        yield null;
                    }
                    case "isClosed", "isReadOnly" -> false;
                    case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                    case "getMetaData", "getWarnings", "unwrap" -> null;
                    case "isWrapperFor" -> false;
                    default -> null;
                });
        }

        private PreparedStatement statement() {
            int[] timeout = {0};
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executeUpdate" -> {
                        if (failStatements) {
                            throw new SQLException("An I/O error occurred while sending to the backend.", CONNECTION_FAILURE);
                        }
                        queryTimeouts.add(timeout[0]);
                        yield 1;
                    }
                    case "setQueryTimeout" -> {
                        timeout[0] = (Integer) args[0];
                        yield null;
                    }
                    case "getQueryTimeout" -> timeout[0];
                    case "getWarnings" -> null;
                    default -> null;
                });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
