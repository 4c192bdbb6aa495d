/**
 * Customers: recognised by the business's own reference and/or email, created or matched
 * when a complaint arrives, with contacts, tier and lifetime value. Exposes
 * {@link org.redress.customers.CustomerManagement}; knows nothing of cases (the cases
 * module shows a customer's history).
 */
@NullMarked
package org.redress.customers;

import org.jspecify.annotations.NullMarked;
