package org.redress.incidents;

import java.time.Instant;
import java.util.List;

/**
 * Customers were added to an incident: they are exposed to a known failure whether or not
 * they ever complain. Published in the transaction that adds them, once per addition.
 */
public record CustomersAffected(long incidentId, String incidentTitle, List<Long> customerIds, Instant at) {}
