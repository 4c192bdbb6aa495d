package org.redress.risk;

import java.sql.Timestamp;
import java.time.Instant;

import org.redress.cases.CaseSearch;
import org.redress.customers.CustomerManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a customer whose score crossed the threshold gets a proactive outreach
 * case: at most once per outreach period, not for a customer who spoke up themselves
 * within it, and not for one whose case is still open (their own case is the place to
 * recover them). The caller holds the lock on the customer's risk row, so one crossing
 * opens one case however many signals arrive.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Outreach {

    private final JdbcClient jdbc;
    private final RiskSettings settings;
    private final CustomerManagement customers;
    private final CaseSearch search;
    private final RiskReasons reasons;
    private final OutreachCases outreachCases;
    private final ComplaintTimes complaintTimes;

    Outreach(JdbcClient jdbc, RiskSettings settings, CustomerManagement customers, CaseSearch search, RiskReasons reasons,
             OutreachCases outreachCases, ComplaintTimes complaintTimes) {
        this.jdbc = jdbc;
        this.complaintTimes = complaintTimes;
        this.settings = settings;
        this.customers = customers;
        this.search = search;
        this.reasons = reasons;
        this.outreachCases = outreachCases;
    }

    void consider(long customerId, double score, Instant now) {
        record State(Instant outreachAt, Instant complainedAt) {}
        complaintTimes.settle();
        State state = jdbc.sql("select outreach_at, complained_at from customer_risk where customer_id = ?").param(customerId)
            .query((rs, n) -> new State(orEpoch(rs.getTimestamp("outreach_at")), orEpoch(rs.getTimestamp("complained_at"))))
            .single();
        Instant periodStart = now.minus(settings.outreachPeriod());
        if (state.outreachAt().isAfter(periodStart) || state.complainedAt().isAfter(periodStart) || search.hasOpenCase(customerId)) {
            return;
        }
        outreachCases.open(customers.get(customerId), score, reasons.of(customerId, now), now).ifPresent(caseId ->
            jdbc.sql("update customer_risk set outreach_at = ?, outreach_case_id = ? where customer_id = ?")
                .params(Timestamp.from(now), caseId, customerId).update());
    }

    private static Instant orEpoch(Timestamp timestamp) {
        return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
    }
}
