package org.redress.customers;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's own record. Erased, it stays (their cases, remedies and events still count in
 * reports) as "[erased]" with no email or phone, under a reference that is no longer theirs.
 */
@Component
class CustomerSection implements PersonalDataSection {

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerSection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public Object export(Subject subject) {
        return DataRows.of(jdbc, "select * from customers where id = :customer", subject);
    }

    @Override
    public int erase(Subject subject) {
        return jdbc.sql("""
                update customers set name = :erased, email = null, phone = null, external_ref = :pseudonym,
                       erased_at = :now, updated_at = :now, version = version + 1
                where id = :customer""")
            .params(DataRows.parameters(subject)).param("now", Timestamp.from(clock.instant()))
            .update();
    }
}
