package org.redress.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Limits on waiting for the database, set apart for requests and for everything else.
 * A request (any thread serving HTTP, from sign-in to the last statement) gets
 * {@code redress.database.request-socket-timeout} per answer and
 * {@code request-statement-timeout} per statement, so during an outage it fails in
 * seconds. Sweeps and listeners keep the pool's defaults and
 * {@code redress.database.statement-timeout}, so a legitimately long batch is not cut
 * short. Schema migrations run without limits. A connection lost during a commit is
 * reported as {@link OutcomeUnknown}, never as "nothing changed".
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    private static final ThreadLocal<Boolean> MIGRATING = ThreadLocal.withInitial(() -> false);
    private static final Executor SAME_THREAD = Runnable::run;

    /** True on a thread that serves an HTTP request (Spring binds the request to it before any filter). */
    static boolean onRequest() {
        return RequestContextHolder.getRequestAttributes() != null;
    }

    @Bean
    static BeanPostProcessor requestBudgetDataSource(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof RequestBudget)) {
                    DatabaseSettings settings = Binder.get(environment).bindOrCreate("redress.database", DatabaseSettings.class);
                    return new RequestBudget(dataSource, (int) settings.requestSocketTimeout().toMillis());
                }
                return bean;
            }
        };
    }

    @Bean
    @Primary
    JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties, DatabaseSettings settings,
                              ObjectProvider<SQLExceptionTranslator> translator) {
        TimedJdbcTemplate template = new TimedJdbcTemplate(dataSource, seconds(settings.requestStatementTimeout()),
            seconds(settings.statementTimeout()));
        JdbcProperties.Template config = properties.getTemplate();
        template.setFetchSize(config.getFetchSize());
        template.setMaxRows(config.getMaxRows());
        template.setIgnoreWarnings(config.isIgnoreWarnings());
        template.setSkipResultsProcessing(config.isSkipResultsProcessing());
        template.setSkipUndeclaredResults(config.isSkipUndeclaredResults());
        template.setResultsMapCaseInsensitive(config.isResultsMapCaseInsensitive());
        translator.ifUnique(template::setExceptionTranslator);
        return template;
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource,
                                                    ObjectProvider<TransactionManagerCustomizers> customizers) {
        CommitAwareTransactionManager manager = new CommitAwareTransactionManager(dataSource);
        customizers.ifAvailable(all -> all.customize(manager));
        return manager;
    }

    /** A migration may rebuild a large table: it waits as long as the database needs. */
    @Bean
    FlywayMigrationStrategy migrationsWithoutTimeouts() {
        return flyway -> {
            MIGRATING.set(true);
            try {
                flyway.migrate();
            } finally {
                MIGRATING.remove();
            }
        };
    }

    private static int seconds(java.time.Duration duration) {
        return (int) Math.max(duration.isZero() ? 0 : 1, duration.toSeconds());
    }

    /**
     * Gives each connection taken for a request a short network timeout (the pool puts its
     * default back when the connection returns). Setting it costs no round trip.
     */
    static final class RequestBudget extends DelegatingDataSource {

        private final int requestSocketMillis;

        RequestBudget(DataSource target, int requestSocketMillis) {
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
            if (MIGRATING.get()) {
                connection.setNetworkTimeout(SAME_THREAD, 0);
            } else if (requestSocketMillis > 0 && onRequest()) {
                connection.setNetworkTimeout(SAME_THREAD, requestSocketMillis);
            }
            return connection;
        }
    }

    /** Applies the statement timeout that fits the caller, and tells a lost write from a refused one. */
    static final class TimedJdbcTemplate extends JdbcTemplate {

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
            int limit = onRequest() ? requestSeconds : backgroundSeconds;
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

    static final class CommitAwareTransactionManager extends JdbcTransactionManager {

        CommitAwareTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        // Over a lost connection a rollback fails too, and its failure would hide the request's
        // own; the database drops the unfinished transaction when the connection goes anyway.
        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            try {
                super.doRollback(status);
            } catch (RuntimeException e) {
                if (!Outages.isConnectionFailure(e) && !connectionClosed(status)) {
                    throw e;
                }
            }
        }

        private static boolean connectionClosed(DefaultTransactionStatus status) {
            if (status.getTransaction() instanceof JdbcTransactionObjectSupport transaction && transaction.hasConnectionHolder()) {
                try {
                    return transaction.getConnectionHolder().getConnection().isClosed();
                } catch (SQLException e) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            try {
                super.doCommit(status);
            } catch (RuntimeException e) {
                if (Outages.isConnectionFailure(e)) {
                    throw new OutcomeUnknown("Commit", e);
                }
                throw e;
            }
        }
    }
}
