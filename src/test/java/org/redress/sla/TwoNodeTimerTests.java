package org.redress.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.PostgresDatabase;
import org.redress.RedressApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application nodes on one database: every due timer fires exactly once. */
class TwoNodeTimerTests {

    private static final int TIMERS = 1_000;

    @Test
    void twoNodesFireEachOfAThousandDueTimersExactlyOnce() throws Exception {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            seedDueClocks(jdbc);
            // Besides the scheduled sweep, both nodes sweep at the same moment.
            Thread one = new Thread(() -> first.getBean(SlaTimers.class).fireDue());
            Thread two = new Thread(() -> second.getBean(SlaTimers.class).fireDue());
            one.start();
            two.start();
            one.join();
            two.join();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            long breached = 0;
            while (Instant.now().isBefore(deadline) && breached < TIMERS) {
                Thread.sleep(500);
                breached = jdbc.sql("select count(*) from sla_clocks where breached_at is not null").query(Long.class).single();
            }

            assertThat(breached).isEqualTo(TIMERS);
            List<Long> perCase = jdbc.sql("""
                    select count(*) from case_timeline where kind = 'sla.breached' group by case_id""")
                .query(Long.class).list();
            assertThat(perCase).hasSize(TIMERS).containsOnly(1L);
        }
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(RedressApplication.class).run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresDatabase.user(),
            "--spring.datasource.password=" + PostgresDatabase.password(),
            "--server.port=0",
            "--redress.admin.email=admin@two-nodes.test",
            "--redress.admin.password=admin-password-1",
            "--db-scheduler.polling-interval=1s");
    }

    // Cases and clocks written directly: the test is about firing, not about opening cases.
    private static void seedDueClocks(JdbcClient jdbc) {
        Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofMinutes(5)));
        long customer = jdbc.sql("""
                insert into customers (external_ref, tier, created_at, updated_at, version)
                values ('two-nodes', 'standard', current_timestamp, current_timestamp, 1) returning id""")
            .query(Long.class).single();
        jdbc.sql("""
                insert into recovery_cases (customer_id, channel, category, severity, subject, status, opened_at, updated_at, version)
                select ?, 'EMAIL', 'delivery', 3, 'Timer ' || n, 'NEW', ?, ?, 1 from generate_series(1, ?) as n""")
            .params(customer, past, past, TIMERS).update();
        jdbc.sql("""
                insert into sla_clocks (case_id, target, policy_id, started_at, warn_at, due_at)
                select id, 'ACKNOWLEDGE', 1, ?, ?, ? from recovery_cases where customer_id = ?""")
            .params(past, past, past, customer).update();
    }
}
