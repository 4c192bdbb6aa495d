package org.redress.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file small. The default writes every commit to disk before it
 * answers ({@code WRITE_DELAY=0}, ADR 9), and so H2's background writer, which would also
 * compact the file, does not run: each commit appends a chunk and the file grows by tens
 * of kilobytes a commit, hundreds of megabytes a day for an idle node's sweeps alone. This
 * compacts it every {@link #EVERY} for at most {@link #AT_MOST}. Nothing runs on
 * PostgreSQL.
 */
@Component
class EmbeddedDatabaseMaintenance implements SmartLifecycle {

    static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration AT_MOST = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseMaintenance.class);

    private final DataSource dataSource;
    private ScheduledExecutorService runner;

    EmbeddedDatabaseMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        if (!embeddedH2File()) {
            return;
        }
        runner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        runner.scheduleWithFixedDelay(this::compact, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Moves live data out of mostly empty chunks and gives the space back, for a bounded time. */
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            Store store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            store.compactFile((int) AT_MOST.toMillis());
        } catch (SQLException | RuntimeException e) {
            // A missed compaction costs disk space until the next one; it must never stop the node.
            log.warn("Could not compact the embedded database this time: {}", e.toString());
        }
    }

    private boolean embeddedH2File() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return runner != null && !runner.isShutdown();
    }
}
