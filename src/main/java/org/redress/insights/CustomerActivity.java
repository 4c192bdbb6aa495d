package org.redress.insights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what retention reads per customer (ADR 17), in the refresh's transactions:
 * {@code insight_activity}, each moment a customer was active with their activity just before
 * and after it and where their cases stood then; and each closed case's next close
 * ({@code next_close_at}, {@code next_team_close_at} on the facts). A customer's rows are
 * written again whole whenever their business events or their cases' facts change: a few rows
 * each, and no ordering of late events or reopened cases to get wrong. Until they are built
 * ({@link #counted()}), {@link Retention} works them out on every read.
 */
@Component
class CustomerActivity {

    // Customers written again per statement.
    private static final int AT_A_TIME = 1_000;
    // Customers (references, ids) built per statement when all are built.
    private static final int RANGE = 20_000;
    // The closes retention counts (a customer once, by the last of them in the period).
    private static final String COUNTED_CLOSE = "p.outcome in ('RECOVERED', 'NOT_RECOVERED') and p.customer_id = f.customer_id"
        + " and (p.closed_at > f.closed_at or (p.closed_at = f.closed_at and p.case_id > f.case_id))";

    private final JdbcClient jdbc;

    CustomerActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether every customer's rows are built; until then retention reads the events and facts directly. */
    boolean counted() {
        return jdbc.sql("select activity_counted from insight_refresh where id = 1").query(Boolean.class).single();
    }

    /**
     * Builds every customer's rows from the business events and the facts (a new install, an
     * upgrade), a range of references and of customer ids at a time, so that no statement grows
     * with the database.
     */
    void recountAll() {
        jdbc.sql("delete from insight_activity").update();
        String after = "";
        for (String last = lastRefOfRange(after); last != null; after = last, last = lastRefOfRange(after)) {
            jdbc.sql(insert(" and e.customer_ref > :after and e.customer_ref <= :last")).param("after", after).param("last", last)
                .update();
        }
        long newest = jdbc.sql("select coalesce(max(customer_id), 0) from insight_case_facts").query(Long.class).single();
        for (long from = 0; from < newest; from += RANGE) {
            jdbc.sql(nextCloses("f.customer_id > :from and f.customer_id <= :to and f.closed_at is not null"))
                .param("from", from).param("to", from + RANGE).update();
        }
        jdbc.sql("update insight_refresh set activity_counted = true where id = 1").update();
    }

    // The last of the next RANGE references with activity after this one; none when there are no more.
    private @Nullable String lastRefOfRange(String after) {
        return jdbc.sql("select max(customer_ref) from (select distinct customer_ref from business_events"
                + " where customer_ref > :after and type in (" + CaseFacts.ACTIVITY + ") order by customer_ref limit " + RANGE + ") r")
            .param("after", after).query(String.class).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Writes again the rows of the customers with these references (their business events changed). */
    void recountRefs(Collection<String> refs) {
        List<String> all = new ArrayList<>(refs);
        for (int from = 0; from < all.size(); from += AT_A_TIME) {
            List<String> some = all.subList(from, Math.min(all.size(), from + AT_A_TIME));
            jdbc.sql("delete from insight_activity where customer_ref in (:refs)").param("refs", some).update();
            jdbc.sql(insert(" and e.customer_ref in (:refs)")).param("refs", some).update();
        }
    }

    /**
     * Writes again the rows of these customers (their cases' facts changed): their activity,
     * which says where their cases stood at each moment, and their closed cases' next closes.
     */
    void recountCustomers(Collection<Long> customerIds) {
        List<Long> all = new ArrayList<>(customerIds);
        for (int from = 0; from < all.size(); from += AT_A_TIME) {
            List<Long> some = all.subList(from, Math.min(all.size(), from + AT_A_TIME));
            List<String> refs = jdbc.sql("select external_ref from customers where id in (:ids) and external_ref is not null")
                .param("ids", some).query(String.class).list();
            if (!refs.isEmpty()) {
                recountRefs(refs);
            }
            jdbc.sql(nextCloses("f.customer_id in (:ids) and f.closed_at is not null")).param("ids", some).update();
        }
    }

    // Each distinct moment of activity with the one before and after it (window functions over
    // the customer's moments), and, of the customer's cases (a reference no customer has: none),
    // where they stood at that moment.
    private static String insert(String refs) {
        return "insert into insight_activity (customer_ref, occurred_at, previous_at, next_at, seconds_to_next, case_open,"
            + "   cases_closed_at, next_case_at)"
            + " select m.customer_ref, m.occurred_at, m.previous_at, m.next_at, " + CaseFacts.secondsBetween("m.occurred_at", "m.next_at")
            + ","
            + "   case when exists (select 1 from insight_case_facts f where f.customer_id = cu.id and f.opened_at <= m.occurred_at"
            + "     and f.closed_at is null) then true else false end,"
            + "   (select max(f.closed_at) from insight_case_facts f where f.customer_id = cu.id and f.opened_at <= m.occurred_at),"
            + "   (select min(f.opened_at) from insight_case_facts f where f.customer_id = cu.id and f.opened_at > m.occurred_at)"
            + " from (select d.customer_ref, d.occurred_at,"
            + "     lag(d.occurred_at) over (partition by d.customer_ref order by d.occurred_at) previous_at,"
            + "     lead(d.occurred_at) over (partition by d.customer_ref order by d.occurred_at) next_at"
            + "   from (select distinct e.customer_ref, e.occurred_at from business_events e"
            + "     where e.type in (" + CaseFacts.ACTIVITY + ")" + refs + ") d) m"
            + " left join customers cu on cu.external_ref = m.customer_ref";
    }

    private static String nextCloses(String which) {
        return "update insight_case_facts f set"
            + " next_close_at = (select min(p.closed_at) from insight_case_facts p where " + COUNTED_CLOSE + "),"
            + " next_team_close_at = (select min(p.closed_at) from insight_case_facts p where " + COUNTED_CLOSE
            + "   and p.team_id = f.team_id)"
            + " where " + which;
    }
}
