package org.redress.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseNumber;
import org.redress.customers.CustomerManagement;
import org.redress.customers.CustomerView;
import org.redress.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/** The at-risk list, one customer's risk, and the iceberg. */
@Service
@Transactional(readOnly = true)
class RiskViews {

    private static final int CANDIDATE_PAGE = 500;
    private static final int MAX_CANDIDATES = 20_000;

    @Schema(name = "RiskReason", description = "One kind of negative signal on a customer.")
    record ReasonView(@Schema(description = "The kind.", example = "LATE_DELIVERY") RiskSignal kind,
                      @Schema(description = "What it is.", example = "Late delivery") String label,
                      @Schema(description = "Its points now, after decay.") double points,
                      @Schema(description = "How many times it happened.") int occurrences,
                      @Schema(description = "The latest, in words.") String latest,
                      @Schema(description = "When the latest happened.") Instant latestAt) {}

    @Schema(name = "CustomerRisk", description = "A customer's risk score now, and why.")
    record CustomerRisk(@Schema(description = "The customer's id.") long customerId,
                        @Schema(description = "Name, email or reference.") String customer,
                        @Schema(description = "The business's reference.") @Nullable String externalRef,
                        @Schema(description = "Score now (points decay with each signal's half-life).") double score,
                        @Schema(description = "The score that opens an outreach case.") double threshold,
                        @Schema(description = "Why, largest first.") List<ReasonView> reasons,
                        @Schema(description = "When the customer last opened a case themselves.") @Nullable Instant complainedAt,
                        @Schema(description = "When an outreach case was last opened.") @Nullable Instant outreachAt,
                        @Schema(description = "That outreach case.") @Nullable Long outreachCaseId) {

        /** The outreach case's number, e.g. RC-000123. */
        public @Nullable String outreachCaseNumber() {
            return outreachCaseId == null ? null : CaseNumber.format(outreachCaseId);
        }
    }

    @Schema(name = "Iceberg", description = "Over the last days: who complained, and who only showed signs of trouble.")
    record Iceberg(@Schema(description = "The window, in days.") int days,
                   @Schema(description = "Customers who opened a case themselves.") long complained,
                   @Schema(description = "Customers with at least one negative signal.") long withNegativeSignals,
                   @Schema(description = "Customers with negative signals who never complained: the hidden part.") long silent,
                   @Schema(description = "Silent customers per customer who complained; null when nobody complained.") @Nullable Double silentPerComplaint,
                   @Schema(description = "Silent customers whose score is at or above the threshold now.") long silentAtRisk,
                   @Schema(description = "Outreach cases opened.") long outreachCases) {}

    private final JdbcClient jdbc;
    private final RiskReasons reasons;
    private final RiskSettings settings;
    private final CustomerManagement customers;
    private final Clock clock;

    RiskViews(JdbcClient jdbc, RiskReasons reasons, RiskSettings settings, CustomerManagement customers, Clock clock) {
        this.jdbc = jdbc;
        this.reasons = reasons;
        this.settings = settings;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Customers whose score now is at least {@code minScore}, highest first. Scores only
     * fall between signals, so the stored score (as of the last signal) bounds the score
     * now: candidates are read by stored score, a page at a time, each decayed to now,
     * until enough are found or the stored scores fall below the minimum. (After a large
     * incident, many stored scores are old and have decayed since; paging goes past them.)
     */
    List<CustomerRisk> atRisk(double minScore, int limit) {
        Instant now = clock.instant();
        List<CustomerRisk> found = new ArrayList<>();
        record Candidate(long customerId, double score) {}
        Candidate after = null;
        int read = 0;
        while (read < MAX_CANDIDATES) {
            List<Candidate> page = after == null
                ? jdbc.sql("select customer_id, score from customer_risk where score >= ? order by score desc, customer_id limit ?")
                    .params(minScore, CANDIDATE_PAGE).query(Candidate.class).list()
                : jdbc.sql("""
                        select customer_id, score from customer_risk
                        where score >= ? and (score < ? or (score = ? and customer_id > ?))
                        order by score desc, customer_id limit ?""")
                    .params(minScore, after.score(), after.score(), after.customerId(), CANDIDATE_PAGE)
                    .query(Candidate.class).list();
            for (Candidate candidate : page) {
                find(candidate.customerId(), now).filter(r -> r.score() >= minScore).ifPresent(found::add);
            }
            read += page.size();
            if (page.size() < CANDIDATE_PAGE || found.size() >= limit) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        return found.stream().sorted(Comparator.comparingDouble(CustomerRisk::score).reversed()).limit(limit).toList();
    }

    CustomerRisk of(long customerId) {
        return find(customerId, clock.instant()).orElseThrow(() -> new NotFound("There is no customer " + customerId + "."));
    }

    // Empty for a customer who no longer exists (their risk rows may outlive them).
    private Optional<CustomerRisk> find(long customerId, Instant now) {
        Optional<CustomerView> known = customers.find(customerId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        CustomerView customer = known.get();
        List<RiskReasons.Reason> found = reasons.of(customerId, now);
        record State(@Nullable Instant complainedAt, @Nullable Instant outreachAt, @Nullable Long outreachCaseId) {}
        State state = jdbc.sql("select complained_at, outreach_at, outreach_case_id from customer_risk where customer_id = ?")
            .param(customerId)
            .query((rs, n) -> new State(instant(rs.getTimestamp("complained_at")), instant(rs.getTimestamp("outreach_at")),
                rs.getObject("outreach_case_id", Long.class)))
            .optional().orElse(new State(null, null, null));
        return Optional.of(new CustomerRisk(customerId, customer.displayName(), customer.externalRef(), round(RiskReasons.total(found)),
            settings.threshold(), found.stream().map(r -> new ReasonView(r.kind(), r.kind().label(), round(r.points()),
                r.occurrences(), r.lastReason(), r.lastAt())).toList(),
            state.complainedAt(), state.outreachAt(), state.outreachCaseId()));
    }

    Iceberg iceberg(int days) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(days)));
        return jdbc.sql("""
                select sum(case when complained_at >= ? then 1 else 0 end) complained,
                       sum(case when last_negative_at >= ? then 1 else 0 end) negative,
                       sum(case when last_negative_at >= ? and (complained_at is null or complained_at < ?) then 1 else 0 end) silent,
                       sum(case when outreach_at >= ? then 1 else 0 end) outreach
                from customer_risk""")
            .params(since, since, since, since, since)
            .query((rs, n) -> {
                long complained = rs.getLong("complained");
                long silent = rs.getLong("silent");
                return new Iceberg(days, complained, rs.getLong("negative"), silent,
                    complained == 0 ? null : round((double) silent / complained), silentAtRisk(since), rs.getLong("outreach"));
            })
            .single();
    }

    // The stored score is as of the last signal; the count of those still above the threshold needs today's decay.
    private long silentAtRisk(Timestamp since) {
        Instant now = clock.instant();
        List<Long> candidates = jdbc.sql("""
                select customer_id from customer_risk
                where last_negative_at >= ? and (complained_at is null or complained_at < ?) and score >= ?""")
            .params(since, since, settings.threshold()).query(Long.class).list();
        // One query per thousand candidates, not one per customer: the iceberg is on every supervisor's queue page.
        long atRisk = 0;
        for (int from = 0; from < candidates.size(); from += 1_000) {
            atRisk += reasons.of(candidates.subList(from, Math.min(candidates.size(), from + 1_000)), now).values().stream()
                .filter(found -> RiskReasons.total(found) >= settings.threshold()).count();
        }
        return atRisk;
    }

    double threshold() {
        return settings.threshold();
    }

    int icebergDays() {
        return settings.icebergDays();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
