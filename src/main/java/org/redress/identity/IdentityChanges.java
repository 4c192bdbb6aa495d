package org.redress.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@link SignedInCache} true to the database. Every change to a user or a token
 * empties this node's cache when its transaction ends, and on PostgreSQL tells every node
 * through {@code NOTIFY}, which PostgreSQL delivers at the commit; each node listens on a
 * connection of its own (not the pool's) and checks it every second. While it is not
 * listening, the cache keeps nothing.
 * <p>
 * Saves through the {@link Users} and {@link ApiTokens} repositories are seen here by
 * themselves; a statement that changes those tables directly must call {@link #announce()}.
 * On the embedded database only one node can run (it locks its file), so no one needs telling.
 */
@Component
class IdentityChanges implements SmartLifecycle {

    private static final String CHANNEL = "redress_identity";
    private static final int CHECK_EVERY_MS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(IdentityChanges.class);

    private final SignedInCache cache;
    private final JdbcClient jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;
    private volatile boolean running;
    private volatile Thread listener;

    IdentityChanges(SignedInCache cache, JdbcClient jdbc, @Value("${spring.datasource.url}") String url,
                    @Value("${spring.datasource.username:}") String username,
                    @Value("${spring.datasource.password:}") String password) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    /** A user or a token changed in the current transaction (or just now, outside one). */
    void announce() {
        if (postgres) {
            jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query((rs, n) -> 1).list();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.forget();
                }
            });
        } else {
            cache.forget();
        }
    }

    @EventListener
    void saved(AfterSaveEvent<?> saved) {
        if (saved.getEntity() instanceof User || saved.getEntity() instanceof ApiToken) {
            announce();
        }
    }

    @EventListener
    void deleted(AfterDeleteEvent<?> deleted) {
        if (deleted.getType() == User.class || deleted.getType() == ApiToken.class) {
            announce();
        }
    }

    @Override
    public void start() {
        running = true;
        if (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:")) {
            cache.trust(true);
        } else if (postgres) {
            Thread thread = new Thread(this::listen, "identity-changes");
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
        // Any other database: nobody would tell this node of another's changes, so nothing is kept.
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                cache.trust(true);
                warned = false;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(CHECK_EVERY_MS);
                    if (received != null && received.length > 0) {
                        cache.forget();
                    } else if (!connection.isValid(5)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.trust(false);
                if (running && !warned) {
                    log.warn("Not hearing other nodes' changes to users and tokens ({}); every request reads them "
                        + "from the database until the connection is back", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "redress identity changes");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private void pause() {
        try {
            Thread.sleep(CHECK_EVERY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        cache.trust(false);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
