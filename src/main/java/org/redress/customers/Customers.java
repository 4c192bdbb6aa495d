package org.redress.customers;

import org.springframework.data.repository.ListCrudRepository;

interface Customers extends ListCrudRepository<Customer, Long> {
}
