/**
 * Personal data: everything Redress holds about one customer, gathered from every module that
 * keeps something about them (each implements {@link org.redress.customers.PersonalDataSection})
 * into one machine-readable bundle, for the customer's right of access. Erasure is still to come.
 */
@NullMarked
package org.redress.privacy;

import org.jspecify.annotations.NullMarked;
