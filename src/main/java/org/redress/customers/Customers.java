package org.redress.customers;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface Customers extends ListCrudRepository<Customer, Long> {

    /** The customer, with their row locked until the transaction ends. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Customer> findLockedById(long id);
}
