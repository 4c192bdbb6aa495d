package org.redress.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trigrams most customers share, per searched column, so that customer search asks its
 * trigram indexes (PostgreSQL) for the rare part of a term only ({@link SearchProbe}). Counted
 * on a sample of up to 5,000 customers, taken again every ten minutes by whichever search
 * comes first, while the other searches go on with the sample they have.
 * <p>
 * H2 has no trigram indexes (search reads the table there), so nothing is counted.
 */
@Component
class CommonTrigrams {

    /** The customer's searched values, lower case, as the indexes hold them. */
    record Values(String name, String email, String reference) {}

    /** The LIKE patterns to ask each column's index with. */
    record Probes(String name, String email, String reference) {

        boolean asks(String pattern) {
            return name.equals(pattern) && email.equals(pattern) && reference.equals(pattern);
        }
    }

    /** What a sample found common; empty sets where nothing is. */
    record Sample(Set<String> name, Set<String> email, Set<String> reference, Instant takenAt) {

        static final Sample NONE = new Sample(Set.of(), Set.of(), Set.of(), Instant.MIN);

        Probes probes(String term, String pattern) {
            return new Probes(SearchProbe.of(term, pattern, name), SearchProbe.of(term, pattern, email),
                SearchProbe.of(term, pattern, reference));
        }
    }

    static final int SAMPLE = 5_000;
    // A trigram that one customer in twenty has is common: at 200,000 customers its list is
    // 10,000 rows, and the lists the whole table shares are what make a search slow.
    static final double COMMON_SHARE = 0.05;
    static final Duration KEPT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile @Nullable Sample sample;

    CommonTrigrams(JdbcClient jdbc, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = dialect.postgres();
    }

    /** The patterns to ask the indexes with for this term and its pattern. */
    Probes probes(String term, String pattern) {
        return current().probes(term, pattern);
    }

    private Sample current() {
        Sample kept = sample;
        if (!postgres) {
            return Sample.NONE;
        }
        if (kept != null && !kept.takenAt().plus(KEPT).isBefore(clock.instant())) {
            return kept;
        }
        // The first search counts and the others wait for it; later, one recounts while the others go on.
        if (kept == null) {
            counting.lock();
        } else if (!counting.tryLock()) {
            return kept;
        }
        try {
            if (sample == kept) {
                sample = count();
            }
            return java.util.Objects.requireNonNull(sample);
        } finally {
            counting.unlock();
        }
    }

    /** Uses this sample until it is ten minutes old (tests: a known set of common trigrams). */
    void use(Sample taken) {
        sample = taken;
    }

    /** Counts a fresh sample now. */
    Sample count() {
        Double rows = jdbc.sql("select reltuples from pg_class where oid = to_regclass('customers')")
            .query(Double.class).optional().orElse(null);
        // Pages are sampled whole, so ask for about twice the rows wanted; all of them when the count is unknown (-1).
        double percent = rows == null || rows <= 2.0 * SAMPLE ? 100 : 100.0 * 2 * SAMPLE / rows;
        List<Values> values = jdbc.sql("""
                select lower(coalesce(name, '')), coalesce(email, ''), lower(coalesce(external_ref, ''))
                from customers tablesample system (cast(:percent as real)) limit :rows""")
            .param("percent", percent).param("rows", SAMPLE)
            .query((rs, n) -> new Values(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return commonIn(values, clock.instant());
    }

    /** The trigrams at least {@link #COMMON_SHARE} of these values hold, per column. */
    static Sample commonIn(List<Values> values, Instant takenAt) {
        return new Sample(common(values.stream().map(Values::name).toList()),
            common(values.stream().map(Values::email).toList()),
            common(values.stream().map(Values::reference).toList()), takenAt);
    }

    private static Set<String> common(List<String> values) {
        Map<String, Integer> holders = new HashMap<>();
        for (String value : values) {
            for (String trigram : SearchProbe.trigrams(value)) {
                holders.merge(trigram, 1, Integer::sum);
            }
        }
        double least = Math.max(1, values.size() * COMMON_SHARE);
        return holders.entrySet().stream().filter(e -> e.getValue() >= least).map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());
    }
}
