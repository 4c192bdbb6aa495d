/**
 * Personal data: everything Redress holds about one customer, gathered from every module that
 * keeps something about them (each implements {@link org.redress.customers.PersonalDataSection})
 * into one machine-readable bundle, for the customer's right of access; and the erasure of it
 * all (anonymised in place, so reports stay true), for their right to be forgotten.
 */
@NullMarked
package org.redress.privacy;

import org.jspecify.annotations.NullMarked;
