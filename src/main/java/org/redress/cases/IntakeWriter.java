package org.redress.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.redress.customers.CustomerDetails;
import org.redress.platform.RequestWork;
import org.redress.platform.SqlDialect;
import org.redress.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the complaints that arrive together in one transaction (ADR 18, step 1): a request
 * thread checks its complaint and hands it over; each writer takes whatever has queued while
 * its previous batch was being written and runs it through {@link Intake} in one transaction,
 * so concurrent complaints share a commit. With one complaint waiting it is written at once:
 * nothing waits for a batch to fill. A batch that fails on what it holds (a collision, a
 * conflict) is written again one complaint at a time, so a failing complaint fails alone,
 * with the answer it would have had alone.
 * <p>
 * The writers work for requests, so they get a request's limits on waiting for the database
 * ({@link RequestWork}): during an outage a batch fails as fast as a request would, and every
 * complaint then waiting fails with it. A commit whose outcome is unknown is reported as
 * unknown to each of its complaints, never written again.
 */
@Component
class IntakeWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

    /** A checked complaint waiting to be written, and where its answer goes. */
    static final class Job {

        private static final int WAITING = 0;
        private static final int WRITING = 1;
        private static final int ABANDONED = 2;

        private final Intake.Checked complaint;
        private final Actor actor;
        private final CompletableFuture<Intake.Received> answer = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Job(Intake.Checked complaint, Actor actor) {
            this.complaint = complaint;
            this.actor = actor;
        }

        CompletableFuture<Intake.Received> answer() {
            return answer;
        }

        /** False when its request stopped waiting before a writer took it: it is then never written. */
        private boolean begin() {
            return state.compareAndSet(WAITING, WRITING);
        }

        /** True when no writer had taken it yet, so it never will be. */
        private boolean abandon() {
            return state.compareAndSet(WAITING, ABANDONED);
        }
    }

    private final Intake intake;
    private final TransactionTemplate transaction;
    private final int batch;
    private final Duration wait;
    private final List<BlockingQueue<Job>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    @Autowired
    IntakeWriter(Intake intake, PlatformTransactionManager transactions,
                 @Value("${redress.intake.writers:#{null}}") @Nullable Integer writers,
                 @Value("${redress.intake.batch:#{null}}") @Nullable Integer batch,
                 @Value("${redress.intake.wait:10s}") Duration wait, SqlDialect dialect) {
        this(intake, transactions,
            writers == null ? defaultWriters(dialect.postgres(), Runtime.getRuntime().availableProcessors()) : writers,
            batch == null ? defaultBatch(dialect.postgres()) : batch, wait);
    }

    IntakeWriter(Intake intake, PlatformTransactionManager transactions, int writers, int batch, Duration wait) {
        if (writers < 0) {
            throw new IllegalStateException("redress.intake.writers must be 0 or more (0: each complaint written alone), not "
                + writers);
        }
        if (batch < 1) {
            throw new IllegalStateException("redress.intake.batch must be 1 or more, not " + batch);
        }
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalStateException("redress.intake.wait must be more than zero, not " + wait);
        }
        this.intake = intake;
        this.transaction = new TransactionTemplate(transactions);
        this.batch = batch;
        this.wait = wait;
        for (int i = 0; i < writers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /*
     * PostgreSQL: one writer per two cores. On two cores, one writer with batches of 16 made as
     * many complaints per second as two with batches of 8, or more, with less of the machine per
     * complaint and a lower p99 (docs/benchmarks.md): a batch's new complaints go in one statement
     * per table, so larger batches gain. More cores leave PostgreSQL room for more writers at once.
     * H2 writes a batch one complaint at a time and shares only the commit, so there two writers
     * whose disk commits overlap did better at 16 clients than one.
     */
    static int defaultWriters(boolean postgres, int cores) {
        return postgres ? Math.max(1, cores / 2) : 2;
    }

    static int defaultBatch(boolean postgres) {
        return postgres ? 16 : 8;
    }

    /** Takes a checked complaint, written with the others waiting; alone when no writer runs. */
    Intake.Received receive(Intake.Checked complaint, Actor actor) {
        if (!running) {
            return alone(complaint, actor);
        }
        Job job = new Job(complaint, actor);
        queueOf(complaint).add(job);
        try {
            return job.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (job.abandon()) {
                throw new QueryTimeoutException("The complaint was not written within " + wait.toMillis()
                    + " ms, and will not be", e);
            }
            throw RequestWork.outcomeUnknown("The complaint was still being written after " + wait.toMillis()
                + " ms, so whether it was saved is unknown");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (job.abandon()) {
                throw new QueryTimeoutException("Interrupted before the complaint was written", e);
            }
            throw RequestWork.outcomeUnknown("Interrupted while the complaint was being written");
        }
    }

    // One customer's complaints go to one writer, so two writers never hold that customer's row
    // in opposite orders (a deadlock the database would end only after a second).
    private BlockingQueue<Job> queueOf(Intake.Checked complaint) {
        return queues.get(Math.floorMod(customerKey(complaint.complaint().customer()).hashCode(), queues.size()));
    }

    private static String customerKey(CustomerDetails customer) {
        String key = customer.externalRef() != null ? customer.externalRef()
            : customer.email() != null ? customer.email() : customer.phone();
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes these complaints in one transaction and answers each; if that fails on what the
     * complaints hold, writes each alone. Package-private for the tests, which hand it a batch
     * of their own making.
     */
    void write(List<Job> jobs) {
        List<Job> live = jobs.stream().filter(Job::begin).toList();
        if (live.size() == 1) {
            answerAlone(live.get(0));
        } else if (live.size() > 1 && !writtenTogether(live)) {
            live.forEach(this::answerAlone);
        }
    }

    /** True when every complaint has its answer: written, or failed for a reason that applies to all. */
    private boolean writtenTogether(List<Job> live) {
        List<Intake.Received> answers = new ArrayList<>(live.size());
        AtomicInteger outcome = new AtomicInteger(TransactionSynchronization.STATUS_UNKNOWN);
        try {
            RequestWork.run(() -> transaction.execute(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        outcome.set(status);
                    }
                });
                answers.addAll(intake.receiveAll(live.stream().map(job -> job.complaint).toList(),
                    live.stream().map(job -> job.actor).toList()));
                return null;
            }));
        } catch (RuntimeException failed) {
            if (outcome.get() == TransactionSynchronization.STATUS_ROLLED_BACK && !RequestWork.isConnectionLost(failed)) {
                log.debug("A batch of {} complaints failed; writing each alone", live.size(), failed);
                return false;
            }
            if (outcome.get() != TransactionSynchronization.STATUS_COMMITTED) {
                // Lost at commit (saved or not, nobody knows) or lost before it: writing them
                // again would risk writing them twice, or fail the same way.
                live.forEach(job -> job.answer().completeExceptionally(failed));
                return true;
            }
            // Committed, and something after the commit failed: the complaints are written.
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).answer().complete(answers.get(i));
        }
        return true;
    }

    private void answerAlone(Job job) {
        try {
            job.answer().complete(RequestWork.run(() -> alone(job.complaint, job.actor)));
        } catch (RuntimeException failed) {
            job.answer().completeExceptionally(failed);
        }
    }

    // Two requests with one new key, or one new customer, can collide on a unique index
    // when the database does not make the second wait (H2). The second attempt then finds
    // what the first one wrote.
    private Intake.Received alone(Intake.Checked complaint, Actor actor) {
        try {
            return intake.receive(complaint, actor);
        } catch (DataIntegrityViolationException collided) {
            return intake.receive(complaint, actor);
        }
    }

    private void run(BlockingQueue<Job> queue) {
        List<Job> jobs = new ArrayList<>(batch);
        while (running || !queue.isEmpty()) {
            jobs.clear();
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                jobs.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(jobs, batch - 1);
            try {
                write(jobs);
            } catch (RuntimeException | Error unexpected) {
                // Nothing a complaint does may stop the writer: its callers get the failure.
                jobs.forEach(job -> job.answer().completeExceptionally(unexpected));
                if (unexpected instanceof Error error) {
                    throw error;
                }
            }
            failWaitingIfTheDatabaseIsGone(jobs, queue);
        }
    }

    // The database did not answer this batch: those queued behind it would wait for the same
    // silence, one batch after another. They are told now, and nothing of theirs was written.
    private static void failWaitingIfTheDatabaseIsGone(List<Job> written, BlockingQueue<Job> queue) {
        @Nullable Throwable lost = written.stream().map(IntakeWriter::failureOf)
            .filter(failure -> failure != null && RequestWork.isConnectionLost(failure)).findFirst().orElse(null);
        if (lost == null) {
            return;
        }
        // Not caused by that failure: the batch's commit may have been lost (its outcome
        // unknown), but these were never sent, so nothing of theirs can have been saved.
        TransientDataAccessResourceException unreachable = new TransientDataAccessResourceException(
            "Not written: the database did not answer the complaints written before it (" + lost.getMessage() + ")");
        for (Job left; (left = queue.poll()) != null; ) {
            if (left.abandon()) {
                left.answer().completeExceptionally(unreachable);
            }
        }
    }

    private static @Nullable Throwable failureOf(Job job) {
        return job.answer().isCompletedExceptionally() ? job.answer().handle((answer, failure) -> failure).join() : null;
    }

    @Override
    public void start() {
        if (queues.isEmpty()) {
            return;
        }
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Job> queue = queues.get(i);
            Thread thread = new Thread(() -> run(queue), "intake-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * New complaints are written alone from now on; those already waiting are written first,
     * within {@code redress.intake.wait} in all (each batch is held to a request's limits on
     * waiting for the database, so an outage does not keep the node from stopping).
     */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        // A writer that could not finish in time leaves its callers an answer all the same.
        for (BlockingQueue<Job> queue : queues) {
            for (Job left; (left = queue.poll()) != null; ) {
                if (left.abandon()) {
                    left.answer().completeExceptionally(new TransientDataAccessResourceException(
                        "Not written: the application stopped before the complaint's turn"));
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // Started before the web server and stopped after it: the requests it finishes while shutting down are written.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
