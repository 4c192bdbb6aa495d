package org.redress.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customer's own record, for their data export. */
@Component
class CustomerSection implements PersonalDataSection {

    private final JdbcClient jdbc;

    CustomerSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public Object export(Subject subject) {
        return DataRows.of(jdbc, "select * from customers where id = :customer", subject);
    }
}
