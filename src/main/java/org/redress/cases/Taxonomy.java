package org.redress.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Complaint categories and root causes. Admins add, relabel and retire entries; a
 * retired entry stays readable on old cases but is refused on new input.
 */
@Service
@Transactional
class Taxonomy {

    public static final String CATEGORY = "category";
    public static final String ROOT_CAUSE = "root-cause";
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,49}$");

    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private record Cached(List<TaxonomyEntry> entries, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Taxonomy(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TaxonomyEntry> entries(String kind, boolean activeOnly) {
        return jdbc.sql("""
                select kind, code, label, active, position from taxonomy_entries
                where kind = ? and (active or ?) order by position, label""")
            .params(kind, !activeOnly)
            .query(TaxonomyEntry.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<TaxonomyEntry> entry(String kind, String code) {
        return jdbc.sql("select kind, code, label, active, position from taxonomy_entries where kind = ? and code = ?")
            .params(kind, code).query(TaxonomyEntry.class).optional();
    }

    /**
     * The active code of this kind, or a clear refusal naming the codes that exist. Joins the
     * caller's transaction, and begins none: intake checks a complaint before handing it to a
     * writer (ADR 18), mostly from the short-lived copy.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public String require(String kind, String field, String code) {
        String normalised = code.trim().toLowerCase(java.util.Locale.ROOT);
        return active(kind).stream().filter(entry -> entry.code().equals(normalised)).findFirst().map(TaxonomyEntry::code)
            .orElseThrow(() -> InvalidInput.field(field, "'" + code + "' is not a known " + kind.replace('-', ' ')
                + "; use one of " + String.join(", ", entries(kind, true).stream().map(TaxonomyEntry::code).toList())));
    }

    // Every complaint checks its category; the taxonomy changes rarely. A short-lived copy
    // spares a query per complaint; another node sees an admin's change within seconds.
    // Dropped after commit, so a reader between now and the commit cannot cache the old entries again.
    private void forgetAfterCommit(String kind) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(kind);
                }
            });
        } else {
            cache.remove(kind);
        }
    }

    private List<TaxonomyEntry> active(String kind) {
        Cached cached = cache.get(kind);
        Instant now = clock.instant();
        if (cached == null || cached.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            cached = new Cached(entries(kind, true), now);
            cache.put(kind, cached);
        }
        return cached.entries();
    }

    public TaxonomyEntry save(Actor actor, String kind, String code, String label, boolean active, int position) {
        if (!kind.equals(CATEGORY) && !kind.equals(ROOT_CAUSE)) {
            throw InvalidInput.field("kind", "'" + kind + "' is not a taxonomy; use category or root-cause");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw InvalidInput.field("code", "use 1–50 lower-case letters, digits and hyphens, e.g. late-delivery");
        }
        String text = Text.required("label", label, 200).trim();
        int updated = jdbc.sql("update taxonomy_entries set label = ?, active = ?, position = ? where kind = ? and code = ?")
            .params(text, active, position, kind, code).update();
        if (updated == 0) {
            jdbc.sql("insert into taxonomy_entries (kind, code, label, active, position) values (?, ?, ?, ?, ?)")
                .params(kind, code, text, active, position).update();
        }
        forgetAfterCommit(kind);
        audit.record(actor, updated == 0 ? "taxonomy.added" : "taxonomy.changed", kind + ":" + code,
            text + (active ? "" : " (retired)"));
        return new TaxonomyEntry(kind, code, text, active, position);
    }
}
