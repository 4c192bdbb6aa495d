package org.redress.platform;

import javax.sql.DataSource;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;
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

    /** True while schema migrations run on this thread: they wait as long as the database needs. */
    static boolean migrating() {
        return MIGRATING.get();
    }

    /**
     * True on a thread that serves an HTTP request (Spring binds the request to it before any
     * filter), or that works for requests waiting on it ({@link RequestWork}).
     */
    static boolean onRequest() {
        return RequestContextHolder.getRequestAttributes() != null || RequestWork.active();
    }

    // With a read replica configured, the application's one DataSource routes between the two
    // (ReplicaRoutingDataSource), and the request budget applies to connections of either.
    @Bean
    static BeanPostProcessor requestBudgetDataSource(Environment environment, ObjectProvider<ReadReplicaPool> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof RequestBudgetDataSource)) {
                    DatabaseSettings settings = Binder.get(environment).bindOrCreate("redress.database", DatabaseSettings.class);
                    ReadReplicaPool replicaPool = replica.getIfAvailable();
                    DataSource target = replicaPool == null ? dataSource : new ReplicaRoutingDataSource(dataSource, replicaPool.dataSource());
                    return new RequestBudgetDataSource(target, (int) settings.requestSocketTimeout().toMillis());
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
}
