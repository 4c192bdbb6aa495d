package org.redress.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.redress.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
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
 * nothing waits for a batch to fill. A batch that fails (a collision, a conflict, a deadlock
 * with the other writer) is written again one complaint at a time, so a failing complaint
 * fails alone, with the answer it would have had alone.
 */
@Component
class IntakeWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

    /** A checked complaint waiting to be written, and where its answer goes. */
    record Job(Intake.Checked complaint, Actor actor, CompletableFuture<Intake.Received> answer) {}

    private final Intake intake;
    private final TransactionTemplate transaction;
    private final int writers;
    private final int batch;
    private final Duration wait;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    IntakeWriter(Intake intake, PlatformTransactionManager transactions,
                 @Value("${redress.intake.writers:2}") int writers, @Value("${redress.intake.batch:8}") int batch,
                 @Value("${redress.intake.wait:10s}") Duration wait) {
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
        this.writers = writers;
        this.batch = batch;
        this.wait = wait;
    }

    /** Takes a checked complaint, written with the others waiting; alone when no writer runs. */
    Intake.Received receive(Intake.Checked complaint, Actor actor) {
        if (!running) {
            return alone(complaint, actor);
        }
        Job job = new Job(complaint, actor, new CompletableFuture<>());
        queue.add(job);
        try {
            return job.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not written yet: it will not be. Being written: its outcome is unknown, as with any
            // answer the database did not give in time (an idempotency key makes a retry safe).
            job.answer().cancel(false);
            throw new QueryTimeoutException("The complaint was not written within " + wait.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while the complaint was being written", e);
        }
    }

    /**
     * Writes these complaints in one transaction and answers each; if that fails, writes each
     * alone. Package-private for the tests, which hand it a batch of their own making.
     */
    void write(List<Job> jobs) {
        List<Job> live = jobs.stream().filter(job -> !job.answer().isCancelled()).toList();
        if (live.size() > 1) {
            List<Intake.Received> answers = new ArrayList<>(live.size());
            AtomicBoolean committed = new AtomicBoolean();
            try {
                transaction.executeWithoutResult(status -> {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int outcome) {
                            committed.set(outcome == STATUS_COMMITTED);
                        }
                    });
                    for (Job job : live) {
                        answers.add(intake.receive(job.complaint(), job.actor()));
                    }
                });
            } catch (RuntimeException failed) {
                if (!committed.get()) {
                    log.debug("A batch of {} complaints failed; writing each alone", live.size(), failed);
                    answers.clear();
                }
                // Committed, and something after the commit failed: the complaints are written, so
                // writing them again would make them twice.
            }
            if (answers.size() == live.size()) {
                for (int i = 0; i < live.size(); i++) {
                    live.get(i).answer().complete(answers.get(i));
                }
                return;
            }
        }
        for (Job job : live) {
            try {
                job.answer().complete(alone(job.complaint(), job.actor()));
            } catch (RuntimeException failed) {
                job.answer().completeExceptionally(failed);
            }
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

    private void run() {
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
        }
    }

    @Override
    public void start() {
        if (writers == 0) {
            return;
        }
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, "intake-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** New complaints are written alone from now on; those already waiting are written first. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        // A writer that could not finish in time leaves its callers an answer all the same.
        for (Job left; (left = queue.poll()) != null; ) {
            left.answer().completeExceptionally(new CancellationException("The application stopped"));
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
