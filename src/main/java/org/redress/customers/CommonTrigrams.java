package org.redress.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trigrams most customers share, per searched column, so that customer search asks its
 * trigram indexes (PostgreSQL) for the rare part of a term only ({@link SearchProbe}) when that
 * reads less. Counted on a sample of up to 5,000 customers, taken again every ten minutes by
 * whichever search comes first, while the other searches go on with the sample they have.
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

    /** One column's sampled values, and how many of them hold each trigram. */
    record Column(List<String> values, Map<String, Integer> holders, Set<String> common) {

        static final Column NONE = new Column(List.of(), Map.of(), Set.of());

        static Column of(List<String> values) {
            Map<String, Integer> holders = new HashMap<>();
            for (String value : values) {
                for (String trigram : SearchProbe.trigrams(value)) {
                    holders.merge(trigram, 1, Integer::sum);
                }
            }
            double least = Math.max(1, values.size() * COMMON_SHARE);
            Set<String> common = holders.entrySet().stream().filter(e -> e.getValue() >= least)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
            return new Column(values, Map.copyOf(holders), common);
        }

        /*
         * Asking for the rare run instead of the term reads and checks, in the table, the
         * customers that hold the run but not the term, and spares the index's lists of the
         * trigrams left out. The sample estimates both: the run is asked for only when it costs
         * less. A term with LIKE's own characters is asked for whole.
         */
        String probe(String term) {
            String whole = SearchProbe.containing(term);
            String run = SearchProbe.rareRun(term, common);
            if (run == null || run.equals(term) || term.indexOf('%') >= 0 || term.indexOf('_') >= 0
                || term.indexOf('\\') >= 0) {
                return whole;
            }
            Set<String> spared = SearchProbe.trigrams(term);
            spared.removeAll(SearchProbe.trigrams(run));
            long sparedEntries = spared.stream().mapToLong(t -> holders.getOrDefault(t, 0)).sum();
            return costsLessThan(run, term, sparedEntries) ? SearchProbe.containing(run) : whole;
        }

        // Counts the sampled values that hold the run but not the term (every value holding the
        // term holds the run), and stops as soon as reading them would cost the entries spared.
        private boolean costsLessThan(String run, String term, long sparedEntries) {
            long extraEntries = 0;
            for (String value : values) {
                if (value.contains(run) && !value.contains(term)) {
                    extraEntries += ENTRIES_PER_ROW;
                    if (extraEntries >= sparedEntries) {
                        return false;
                    }
                }
            }
            return extraEntries < sparedEntries;
        }
    }

    /** A sample's columns, and when it was taken. */
    record Sample(Column name, Column email, Column reference, Instant takenAt) {

        static final Sample NONE = new Sample(Column.NONE, Column.NONE, Column.NONE, Instant.MIN);

        Probes probes(String term) {
            return new Probes(name.probe(term), email.probe(term), reference.probe(term));
        }
    }

    static final int SAMPLE = 5_000;
    // Only a trigram one customer in twenty holds or more is left out of a probe: such lists are
    // what make a search slow (at 200,000 customers, 10,000 entries or more each).
    static final double COMMON_SHARE = 0.05;
    // Reading and checking one customer in the table costs about as much as reading 300 entries
    // of an index's list: measured at 200,000 customers, 1.75 microseconds a customer, and 20 a
    // page of the lists, which holds some 3,300 entries.
    static final int ENTRIES_PER_ROW = 300;
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

    /** The patterns to ask the indexes with for this term. */
    Probes probes(String term) {
        return current().probes(term);
    }

    private Sample current() {
        if (!postgres) {
            return Sample.NONE;
        }
        Sample kept = sample;
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
            return Objects.requireNonNull(sample);
        } finally {
            counting.unlock();
        }
    }

    /** Uses this sample until it is ten minutes old (tests: a known sample). */
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
        return of(values, clock.instant());
    }

    /** The sample these values make. */
    static Sample of(List<Values> values, Instant takenAt) {
        return new Sample(Column.of(values.stream().map(Values::name).toList()),
            Column.of(values.stream().map(Values::email).toList()),
            Column.of(values.stream().map(Values::reference).toList()), takenAt);
    }
}
