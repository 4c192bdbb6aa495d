package org.redress.remedies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.cases.PlaybookStep;
import org.redress.cases.Responsibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A fair offer for a case, so that similar customers get similar remedies: the policy's
 * remedy and range for its category, severity and tier (the most specific rule; among
 * equally specific ones, the newest), adjusted for our responsibility,
 * a repeat failure and a slow first answer; next to it, what similar closed cases got
 * (median and spread) and how many of them were recovered.
 */
@Service
@Transactional(readOnly = true)
public class FairOffers {

    static final Duration SLOW_ANSWER = Duration.ofHours(24);
    // Adjustments multiply; at this scale every product of halves, three quarters and five quarters stays exact.
    private static final long WHOLE = 1_024_000;

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final RemedySettings settings;
    private final Clock clock;

    FairOffers(JdbcClient jdbc, CaseManagement cases, RemedySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    @Schema(name = "FairOffer", description = "A suggested remedy and range for a case, with the precedent of similar cases.")
    public record Suggestion(
        @Schema(description = "Remedy type code to offer.", example = "refund") String type,
        @Schema(description = "Low end of the fair range.") String from,
        @Schema(description = "High end of the fair range.") String to,
        @Schema(description = "Currency.") String currency,
        @Schema(description = "Why the range is what it is.") List<String> reasons,
        @Schema(description = "What similar closed cases (same category, severity within one) received.") Precedent precedent) {}

    @Schema(name = "FairOfferPrecedent", description = "Remedies granted in similar closed cases.")
    public record Precedent(
        @Schema(description = "Similar closed cases with a remedy.") int cases,
        @Schema(description = "Median amount; null without precedent.") @Nullable String median,
        @Schema(description = "25th percentile.") @Nullable String lowerQuartile,
        @Schema(description = "75th percentile.") @Nullable String upperQuartile,
        @Schema(description = "Share of them closed as recovered, 0–1.") double recoveredShare) {}

    public Suggestion forCase(long caseId) {
        CaseView c = cases.view(caseId);
        record Rule(String type, long min, long max) {}
        Rule rule = jdbc.sql("""
                select remedy_type, min_minor, max_minor from fair_offer_rules
                where (category is null or category = ?) and (severity is null or severity = ?) and (tier is null or tier = ?)
                order by (case when category is null then 0 else 1 end) + (case when severity is null then 0 else 1 end)
                       + (case when tier is null then 0 else 1 end) desc, id desc
                limit 1""")
            .params(c.category(), c.severity(), c.customer().tier())
            .query((rs, n) -> new Rule(rs.getString("remedy_type"), rs.getLong("min_minor"), rs.getLong("max_minor")))
            .optional().orElse(new Rule("goodwill", 0, 0));
        List<String> reasons = new ArrayList<>();
        reasons.add("Policy for " + c.category() + ", severity " + c.severity() + ", " + c.customer().tier() + " customer: "
            + money(rule.min()) + "–" + money(rule.max()));
        long factor = WHOLE;
        if (c.responsibility() == Responsibility.NOT_OURS) {
            factor = factor / 2;
            reasons.add("Not our failure: half the range (a sincere explanation matters more than money here)");
        } else if (c.responsibility() == Responsibility.PARTLY_OURS) {
            factor = factor * 3 / 4;
            reasons.add("Partly our failure: three quarters of the range");
        } else if (c.responsibility() == null) {
            reasons.add("Cause not identified yet: identify it before settling on an amount");
        }
        long repeats = jdbc.sql("select count(*) from recovery_cases where customer_id = ? and category = ? and id < ?")
            .params(c.customer().id(), c.category(), c.id()).query(Long.class).single();
        if (repeats > 0) {
            factor = factor * 5 / 4;
            reasons.add("The same kind of failure happened to this customer before (" + repeats + " earlier case"
                + (repeats == 1 ? "" : "s") + "): a quarter more");
        }
        Instant answered = step(c, PlaybookStep.ACKNOWLEDGE);
        Instant answeredOrNow = answered == null ? clock.instant() : answered;
        if (Duration.between(c.openedAt(), answeredOrNow).compareTo(SLOW_ANSWER) > 0) {
            factor = factor * 5 / 4;
            reasons.add("Our first answer took more than a day: a quarter more");
        }
        if (step(c, PlaybookStep.APOLOGIZE) == null) {
            reasons.add("Apologize first: a prompt apology often recovers the customer without compensation");
        }
        Money low = new Money(rule.min(), settings.currency()).times(factor, WHOLE);
        Money high = new Money(rule.max(), settings.currency()).times(factor, WHOLE);
        return new Suggestion(rule.type(), low.amount(), high.amount(), settings.currency().getCurrencyCode(), reasons,
            precedent(c));
    }

    // Only cases closed with an outcome are precedent: a duplicate or spam says nothing about what recovers a customer.
    private Precedent precedent(CaseView c) {
        record Given(long caseId, long amount, boolean recovered) {}
        List<Given> given = jdbc.sql("""
                select c.id, sum(r.amount_minor) as amount, max(case when c.outcome = 'RECOVERED' then 1 else 0 end) as recovered
                from recovery_cases c join remedies r on r.case_id = c.id
                where c.status = 'CLOSED' and c.outcome is not null and c.category = ? and c.severity between ? and ? and c.id <> ?
                  and r.state in ('ACCEPTED', 'FULFILLED')
                group by c.id""")
            .params(c.category(), c.severity() - 1, c.severity() + 1, c.id())
            .query((rs, n) -> new Given(rs.getLong("id"), rs.getLong("amount"), rs.getInt("recovered") == 1))
            .list();
        if (given.isEmpty()) {
            return new Precedent(0, null, null, null, 0);
        }
        long[] amounts = given.stream().mapToLong(Given::amount).sorted().toArray();
        double recovered = (double) given.stream().filter(Given::recovered).count() / given.size();
        return new Precedent(given.size(), money(quantile(amounts, 50)), money(quantile(amounts, 25)),
            money(quantile(amounts, 75)), recovered);
    }

    /** Nearest-rank percentile of sorted amounts. */
    static long quantile(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private String money(long minor) {
        return new Money(minor, settings.currency()).amount();
    }

    private static @Nullable Instant step(CaseView c, PlaybookStep step) {
        return c.steps().stream().filter(s -> s.step() == step && s.done()).map(CaseView.StepState::doneAt)
            .findFirst().orElse(null);
    }
}
