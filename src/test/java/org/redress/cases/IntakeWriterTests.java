package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.Await;
import org.redress.Http;
import org.redress.customers.CustomerDetails;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints written together (ADR 18): each answered as it would have been alone, a failing
 * one failing alone, two of one customer in one batch making one case.
 */
class IntakeWriterTests extends ApplicationTest {

    @Autowired
    IntakeWriter writer;

    @Autowired
    Intake intake;

    @Autowired
    PlatformTransactionManager transactions;

    private Intake.Checked checked(String ref, String email, String category) {
        return intake.check(new Intake.Complaint(new CustomerDetails(ref, "Maria Lopez", email, null, null, null, null),
            "email", category, 2, "Parcel arrived broken", "The box was crushed."), null);
    }

    private IntakeWriter.Job job(String ref, String email, String category) {
        return new IntakeWriter.Job(checked(ref, email, category), Actor.SYSTEM);
    }

    /** A complaint from the customer with this reference and the email made from it. */
    private IntakeWriter.Job job(String ref, String category) {
        return job(ref, ref.toLowerCase() + "@example.com", category);
    }

    @Test
    void aBatchAnswersEachComplaintAsIfItHadBeenAlone() throws Exception {
        String known = "C-" + unique();
        assertThat(admin().post("/api/v1/complaints", complaint(known, "billing")).status()).isEqualTo(201);
        String first = "C-" + unique();
        String other = "C-" + unique();
        IntakeWriter.Job opens = job(first, "delivery");
        IntakeWriter.Job joins = job(first, "delivery");
        // The known customer's email under another reference: refused, as it would be alone.
        IntakeWriter.Job conflicts = job("C-" + unique(), known.toLowerCase() + "@example.com", "delivery");
        IntakeWriter.Job opensToo = job(other, "service");

        writer.write(List.of(opens, joins, conflicts, opensToo));

        assertThat(opens.answer().get().result()).isEqualTo(Intake.Result.OPENED);
        assertThat(joins.answer().get().result()).isEqualTo(Intake.Result.JOINED);
        assertThat(joins.answer().get().recoveryCase().id()).isEqualTo(opens.answer().get().recoveryCase().id());
        assertThat(opensToo.answer().get().result()).isEqualTo(Intake.Result.OPENED);
        assertThat(conflicts.answer()).isCompletedExceptionally();
        try {
            conflicts.answer().get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(Conflict.class).hasMessageContaining("belongs to the customer with reference");
        }
        assertThat(casesOf(first)).hasSize(1);
        assertThat(casesOf(other)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from case_messages m join recovery_cases c on c.id = m.case_id"
            + " join customers cu on cu.id = c.customer_id where cu.external_ref = ?").param(first).query(Long.class).single())
            .isEqualTo(2);
    }

    @Test
    void aBatchSharesOneTransaction() throws Exception {
        String a = "C-" + unique();
        String b = "C-" + unique();
        IntakeWriter.Job one = job(a, "delivery");
        IntakeWriter.Job again = job(a, "delivery");
        IntakeWriter.Job two = job(b, "delivery");

        writer.write(List.of(one, again, two));

        assertThat(again.answer().get().result()).isEqualTo(Intake.Result.JOINED);
        assertThat(again.answer().get().recoveryCase().id()).isEqualTo(one.answer().get().recoveryCase().id());
        assertThat(casesOf(a)).hasSize(1);
        // Rows written by one transaction carry its id (a customer's message is never updated).
        List<String> writtenBy = jdbc.sql("select distinct cast(xmin as text) from case_messages where case_id in (?, ?)")
            .params(one.answer().get().recoveryCase().id(), two.answer().get().recoveryCase().id()).query(String.class).list();
        assertThat(writtenBy).hasSize(1);
        assertThat(jdbc.sql("select count(*) from case_messages where case_id in (?, ?)")
            .params(one.answer().get().recoveryCase().id(), two.answer().get().recoveryCase().id()).query(Long.class).single())
            .isEqualTo(3);
    }

    @Test
    void eachCaseOfABatchHasItsOwnClocksPlaceInTheQueueAndRiskRow() throws Exception {
        String a = "C-" + unique();
        String b = "C-" + unique();
        IntakeWriter.Job one = job(a, "delivery");
        IntakeWriter.Job again = job(a, "delivery");
        IntakeWriter.Job two = job(b, "service");

        writer.write(List.of(one, again, two));

        for (IntakeWriter.Job opened : List.of(one, two)) {
            CaseView answered = opened.answer().get().recoveryCase();
            assertThat(jdbc.sql("select target from sla_clocks where case_id = ? order by target").param(answered.id())
                .query(String.class).list()).containsExactly("ACKNOWLEDGE", "RESOLVE");
            // The queue row holds the earliest clock, the one the answer named.
            assertThat(jdbc.sql("""
                    select count(*) from sla_queue q where q.case_id = ? and q.category = ?
                      and q.due_at = (select min(due_at) from sla_clocks k where k.case_id = q.case_id)""")
                .params(answered.id(), answered.category()).query(Long.class).single()).isEqualTo(1);
            assertThat(answered.deadline()).isNotNull();
            assertThat(jdbc.sql("select due_at from sla_queue where case_id = ?").param(answered.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(answered.deadline().dueAt());
        }
        assertThat(jdbc.sql("select count(*) from sla_clocks where case_id = ?")
            .param(again.answer().get().recoveryCase().id()).query(Long.class).single()).isEqualTo(2);
        // Each customer spoke up when their case opened: off the silent list.
        assertThat(jdbc.sql("""
                select count(*) from recovery_cases c join customer_risk r on r.customer_id = c.customer_id
                where c.id in (?, ?) and r.complained_at = c.opened_at""")
            .params(one.answer().get().recoveryCase().id(), two.answer().get().recoveryCase().id()).query(Long.class).single())
            .isEqualTo(2);
    }

    @Test
    void aRequestThatStopsWaitingIsToldWhetherItsComplaintWasWritten() throws Exception {
        String held = "C-" + unique();
        String behind = "C-" + unique();
        assertThat(admin().post("/api/v1/complaints", complaint(held, "billing")).status()).isEqualTo(201);
        // One writer, so the second complaint queues behind the first.
        IntakeWriter patient = new IntakeWriter(intake, transactions, 1, 8, Duration.ofMillis(300));
        patient.start();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // Another transaction holds the customer, as a long change of theirs would.
            jdbc.sql("select id from customers where external_ref = ? for update").param(held).query(Long.class).single();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        locked.await();
        try {
            Intake.Checked first = checked(held, held.toLowerCase() + "@example.com", "delivery");
            CompletableFuture<Throwable> firstAnswer = CompletableFuture.supplyAsync(() -> {
                try {
                    patient.receive(first, Actor.SYSTEM);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Await.until(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()").query(Long.class).single() > 0, "the writer to wait for the lock");
            Intake.Checked second = checked(behind, behind.toLowerCase() + "@example.com", "service");

            // Still queued when its request gave up: it will not be written, and nothing of it was.
            assertThatThrownBy(() -> patient.receive(second, Actor.SYSTEM))
                .isInstanceOf(QueryTimeoutException.class).hasMessageContaining("not written within 300 ms, and will not be");
            // Being written when its request gave up: it may be written yet, so the answer says so.
            assertThat(firstAnswer.get()).hasMessageContaining("whether it was saved is unknown");
        } finally {
            release.countDown();
            holder.join();
        }
        Await.until(() -> casesOf(held).size() == 2, "the first complaint to be written once the lock went");
        patient.stop();
        assertThat(casesOf(behind)).isEmpty();
    }

    @Test
    void manyComplaintsAtOnceAreEachAnsweredWithTheirOwnCase() throws Exception {
        int clients = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> customers = new ArrayList<>();
        List<Future<Http.Response>> responses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String customer = "C-" + unique();
            customers.add(customer);
            Map<String, Object> body = complaint(customer, "delivery");
            responses.add(pool.submit(() -> {
                start.await();
                return admin().post("/api/v1/complaints", body);
            }));
        }

        start.countDown();
        List<Long> caseIds = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
            Http.Response done = response.get();
            assertThat(done.status()).as(done.body()).isEqualTo(201);
            caseIds.add(done.json().get("id").asLong());
        }
        pool.shutdown();

        assertThat(caseIds).doesNotHaveDuplicates();
        for (String customer : customers) {
            assertThat(casesOf(customer)).hasSize(1);
        }
    }

    @Test
    void badInputIsRefusedBeforeItReachesAWriter() {
        Map<String, Object> body = new java.util.HashMap<>(complaint("C-" + unique(), "no-such-category"));

        Http.Response refused = admin().post("/api/v1/complaints", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("category");
    }

    private List<Long> casesOf(String customerRef) {
        return jdbc.sql("select c.id from recovery_cases c join customers cu on cu.id = c.customer_id where cu.external_ref = ?")
            .param(customerRef).query(Long.class).list();
    }
}
