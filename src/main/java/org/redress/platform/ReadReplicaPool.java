package org.redress.platform;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The read replica's connection pool, when {@code redress.database.replica.url} is set: the same
 * pool settings as the primary's ({@code spring.datasource.hikari.*}), its own address and
 * credentials, connections read-only. It connects at first use, so a replica that is down does
 * not stop a node from starting (insights fail until it is back). Not a {@link DataSource} bean
 * itself: the primary's is the one the application uses, and routes to this one
 * ({@link ReplicaRoutingDataSource}). Closed with the application.
 */
final class ReadReplicaPool implements AutoCloseable {

    private final HikariDataSource pool;

    private ReadReplicaPool(HikariDataSource pool) {
        this.pool = pool;
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @ConditionalOnProperty("redress.database.replica.url")
        ReadReplicaPool readReplicaPool(Environment environment) {
            HikariDataSource pool = new HikariDataSource();
            Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
            pool.setJdbcUrl(environment.getRequiredProperty("redress.database.replica.url"));
            pool.setUsername(environment.getProperty("redress.database.replica.username",
                environment.getProperty("spring.datasource.username")));
            pool.setPassword(environment.getProperty("redress.database.replica.password",
                environment.getProperty("spring.datasource.password")));
            pool.setPoolName("replica");
            pool.setReadOnly(true);
            return new ReadReplicaPool(pool);
        }
    }
}
