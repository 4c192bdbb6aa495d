/**
 * Proactive incidents: a known defect, outage or delay declared with what happened, the
 * recovery plan and the date it will be fixed; the customers it affects (from a list, a
 * CSV file or a rule over business events); a notice to each of them before they find
 * out, through the outbox and spread over time; their private page where they can say it
 * affected them (which opens or joins a linked case); and per customer whether they were
 * notified, opened it, replied, have a case and were recovered. Publishes
 * {@link org.redress.incidents.CustomersAffected}; listens to
 * {@link org.redress.cases.CaseClosed}.
 */
@NullMarked
package org.redress.incidents;

import org.jspecify.annotations.NullMarked;
