package org.redress.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every node that rows it keeps in memory changed, so that a module may keep rarely
 * changed rows read on every request (who is behind a token, which webhooks listen) and
 * still never act on a stale copy. A module {@link #register registers} what it keeps
 * under a topic and {@link #announce announces} each change in the transaction that makes it:
 * this node hears of it when that transaction ends; the other nodes when PostgreSQL delivers
 * the {@code NOTIFY} sent at that commit (milliseconds). Each node listens on one connection
 * of its own, outside the pool, and checks it every second; while it is not listening
 * (starting, or the connection lost) every {@link Kept} is told it cannot trust what it
 * holds. On the embedded database only one node can run (it locks its file), so no one
 * else needs telling; on any other database nothing may be kept.
 */
@Component
public class ChangeNotices implements SmartLifecycle {

    /** Something a module keeps in memory for one topic. */
    public interface Kept {

        /** A change to the topic was made (here or on another node): forget what was kept. */
        void changed();

        /** Whether changes made on every node reach this one; while not, keep nothing. */
        void trust(boolean changesReachUs);
    }

    static final String CHANNEL = "redress_changes";
    private static final int CHECK_EVERY_MS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final Map<String, List<Kept>> kept = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;
    private volatile boolean running;
    private volatile boolean trusted;
    private volatile Thread listener;

    ChangeNotices(JdbcClient jdbc, SqlDialect dialect, @Value("${spring.datasource.url}") String url,
                  @Value("${spring.datasource.username:}") String username,
                  @Value("${spring.datasource.password:}") String password) {
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = dialect.postgres();
    }

    /** What {@code keeper} keeps depends on {@code topic}; it starts untrusted. */
    public void register(String topic, Kept keeper) {
        kept.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(keeper);
        keeper.trust(trusted);
    }

    /** {@code topic} changes in the current transaction (or changed just now, outside one). */
    public void announce(String topic) {
        if (postgres) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, topic).query((rs, n) -> 1).list();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changed(topic);
                }
            });
        } else {
            changed(topic);
        }
    }

    private void changed(String topic) {
        kept.getOrDefault(topic, List.of()).forEach(Kept::changed);
    }

    private void trust(boolean changesReachUs) {
        trusted = changesReachUs;
        kept.values().forEach(keepers -> keepers.forEach(keeper -> keeper.trust(changesReachUs)));
    }

    @Override
    public void start() {
        running = true;
        if (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:")) {
            trust(true);
        } else if (postgres) {
            Thread thread = new Thread(this::listen, "change-notices");
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                trust(true);
                warned = false;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(CHECK_EVERY_MS);
                    if (received != null && received.length > 0) {
                        for (PGNotification notification : received) {
                            changed(notification.getParameter());
                        }
                    } else if (!connection.isValid(5)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                trust(false);
                if (running && !warned) {
                    log.warn("Not hearing other nodes' changes ({}); what is kept in memory (tokens, webhooks) is read "
                        + "from the database every time until the connection is back", e.getMessage());
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
        properties.setProperty("ApplicationName", "redress change notices");
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
        trust(false);
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
