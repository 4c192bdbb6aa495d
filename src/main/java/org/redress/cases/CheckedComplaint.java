package org.redress.cases;

import org.redress.customers.CustomerDetails;

/** A complaint whose every field has been checked; its text form is the fingerprint of an idempotent request. */
record CheckedComplaint(CustomerDetails customer, Channel channel, String category, int severity, String subject,
                        String message) {
}
