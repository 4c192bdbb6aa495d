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
    void aCaseOpenedInABatchIsStoredAsOneOpenedAlone() throws Exception {
        Actor orderSystem = Actor.user(4242, "Order system");
        String alone = "C-" + unique();
        String together = "C-" + unique();
        Intake.Checked first = keyed(alone, "K-" + unique());
        new TransactionTemplate(transactions).execute(status -> intake.receive(first, orderSystem));
        IntakeWriter.Job batched = new IntakeWriter.Job(keyed(together, "K-" + unique()), orderSystem);

        writer.write(List.of(batched, job("C-" + unique(), "service")));

        assertThat(batched.answer().get().result()).isEqualTo(Intake.Result.OPENED);
        assertThat(batched.answer().get().recoveryCase().customer().externalRef()).isEqualTo(together);
        assertThat(batched.answer().get().recoveryCase().id()).isEqualTo(casesOf(together).get(0));
        assertThat(stored(together)).isEqualTo(stored(alone)).hasSize(6);
    }

    @Test
    void keysInABatchAreClaimedOnceAndReplayedAsAlone() throws Exception {
        String usedBefore = "K-" + unique();
        String known = "C-" + unique();
        String shared = "K-" + unique();
        String customer = "C-" + unique();
        Intake.Checked earlier = keyed(known, usedBefore);
        Intake.Received before = new TransactionTemplate(transactions).execute(status -> intake.receive(earlier, Actor.SYSTEM));
        IntakeWriter.Job retried = new IntakeWriter.Job(keyed(known, usedBefore), Actor.SYSTEM);
        IntakeWriter.Job opens = new IntakeWriter.Job(keyed(customer, shared), Actor.SYSTEM);
        // The same request sent twice, both arriving in this batch.
        IntakeWriter.Job again = new IntakeWriter.Job(keyed(customer, shared), Actor.SYSTEM);

        writer.write(List.of(retried, opens, again));

        assertThat(retried.answer().get().result()).isEqualTo(Intake.Result.REPLAYED);
        assertThat(retried.answer().get().recoveryCase().id()).isEqualTo(before.recoveryCase().id());
        assertThat(opens.answer().get().result()).isEqualTo(Intake.Result.OPENED);
        assertThat(again.answer().get().result()).isEqualTo(Intake.Result.REPLAYED);
        assertThat(again.answer().get().recoveryCase().id()).isEqualTo(opens.answer().get().recoveryCase().id());
        assertThat(casesOf(known)).hasSize(1);
        assertThat(casesOf(customer)).hasSize(1);
        assertThat(jdbc.sql("select case_id from intake_keys where idempotency_key = ?").param(shared).query(Long.class).single())
            .isEqualTo(opens.answer().get().recoveryCase().id());
        assertThat(jdbc.sql("select count(*) from case_messages where case_id = ?")
            .param(opens.answer().get().recoveryCase().id()).query(Long.class).single()).isEqualTo(1);
    }

    private Intake.Checked keyed(String ref, String key) {
        return intake.check(new Intake.Complaint(new CustomerDetails(ref, "Maria Lopez", ref.toLowerCase() + "@example.com",
            "+44 20 7946 0000", null, new java.math.BigDecimal("1250.50"), "EUR"),
            "chat", "delivery", 2, "Parcel arrived broken", "The box was crushed."), key);
    }

    /** What intake stored for this customer's one case, without what differs between two customers (ids, times, reference). */
    private List<String> stored(String ref) {
        long caseId = casesOf(ref).get(0);
        String customer = "select concat_ws('|', cu.name, cu.phone, cu.tier, cu.lifetime_value, cu.currency, cu.version,"
            + " cu.created_at = cu.updated_at, cu.erased_at) from customers cu where cu.external_ref = ?";
        String recoveryCase = "select concat_ws('|', c.channel, c.category, c.severity, c.subject, c.status, c.version,"
            + " c.opened_at = c.updated_at, c.team_id, c.assignee_id, c.closed_at) from recovery_cases c where c.id = ?";
        String message = "select concat_ws('|', m.direction, m.channel, m.author, m.subject, m.body, m.received_at = c.opened_at)"
            + " from case_messages m join recovery_cases c on c.id = m.case_id where c.id = ?";
        String timeline = "select string_agg(concat_ws('|', t.kind, t.summary, t.actor_id, t.actor_name, t.internal,"
            + " t.occurred_at = c.opened_at), ';' order by t.id) from case_timeline t join recovery_cases c on c.id = t.case_id"
            + " where c.id = ?";
        String audit = "select string_agg(concat_ws('|', a.action, a.actor_id, a.actor_name), ';' order by a.action)"
            + " from audit_log a where a.subject in (?, ?)";
        String key = "select count(*) || ' key' from intake_keys where case_id = ?";
        long customerId = jdbc.sql("select customer_id from recovery_cases where id = ?").param(caseId).query(Long.class).single();
        return List.of(
            jdbc.sql(customer).param(ref).query(String.class).single(),
            jdbc.sql(recoveryCase).param(caseId).query(String.class).single(),
            jdbc.sql(message).param(caseId).query(String.class).single(),
            jdbc.sql(timeline).param(caseId).query(String.class).single(),
            jdbc.sql(audit).params("case:" + CaseNumber.format(caseId), "customer:" + customerId).query(String.class).single(),
            jdbc.sql(key).param(caseId).query(String.class).single());
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
