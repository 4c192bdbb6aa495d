package org.redress.customers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.platform.SqlDialect;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognises customers. {@link #identify} finds the customer a complaint is from, by
 * external reference first and email second, creating them when new, and locks their
 * row until the caller's transaction ends, so two complaints from one customer arriving
 * together are handled one after the other.
 */
@Service
@Transactional
public class CustomerManagement {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String INSERTED_COLUMNS = "external_ref, email, name, phone, tier, lifetime_value, currency,"
        + " created_at, updated_at, version";
    private static final String VIEW_COLUMNS = "id, external_ref, email, name, phone, tier, lifetime_value, currency, created_at";
    // The expressions of the trigram indexes (PostgreSQL), exactly.
    private static final String MATCHES = """
            (lower(coalesce(name, '')) like :pattern or coalesce(email, '') like :pattern
             or lower(coalesce(external_ref, '')) like :pattern)""";
    // The same, asked with each column's probe (SearchProbe): a superset of the matches.
    private static final String PROBED = """
            (lower(coalesce(name, '')) like :nameProbe or coalesce(email, '') like :emailProbe
             or lower(coalesce(external_ref, '')) like :referenceProbe)""";
    // Up to this many matches are sorted in memory; more, and newest-first fills a page quickly.
    private static final int FEW_MATCHES = 2_000;

    private final Customers customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CustomerSettings settings;
    private final Clock clock;
    private final SqlDialect dialect;
    private final CommonTrigrams commonTrigrams;

    CustomerManagement(Customers customers, JdbcClient jdbc, AuditTrail audit, CustomerSettings settings, Clock clock,
                       SqlDialect dialect, CommonTrigrams commonTrigrams) {
        this.commonTrigrams = commonTrigrams;
        this.dialect = dialect;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks customer details without touching the database, so a caller can refuse bad input before writing. */
    // No transaction of its own: intake checks a complaint before handing it to a writer (ADR 18).
    @Transactional(propagation = Propagation.SUPPORTS)
    public CustomerDetails validated(@Nullable CustomerDetails details) {
        if (details == null) {
            throw InvalidInput.field("customer", "is required, with at least an externalRef or an email");
        }
        String externalRef = Text.optional("customer.externalRef", details.externalRef(), 200);
        String email = Text.optional("customer.email", details.email(), 254);
        if (email != null) {
            email = email.trim().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw InvalidInput.field("customer.email", "'" + details.email() + "' is not an email address");
            }
        }
        if (externalRef == null && email == null) {
            throw InvalidInput.field("customer", "needs an externalRef or an email, so we can recognise and reach them");
        }
        String tier = details.tier() == null ? null : tier("customer.tier", details.tier());
        String currency = currency("customer.currency", details.lifetimeValue(), details.currency());
        return new CustomerDetails(externalRef == null ? null : externalRef.trim(),
            trimmed(Text.optional("customer.name", details.name(), 200)), email,
            trimmed(Text.optional("customer.phone", details.phone(), 50)), tier, details.lifetimeValue(), currency);
    }

    /** The customer a complaint is from, and whether intake just created them (then they have no cases yet). */
    public record Identified(CustomerView customer, boolean isNew) {}

    /**
     * The customer these (validated) details describe, created if new, locked until the
     * caller's transaction ends. A new customer is inserted with plain SQL
     * ({@code on conflict do nothing}) so two complaints from one new customer arriving
     * together create them once; the inserted row is already locked by the insert.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Identified identify(CustomerDetails details, Actor actor) {
        Instant now = clock.instant();
        String tier = tierOf(details);
        Optional<Long> existing;
        if (dialect.postgres()) {
            // Every intake passes here: on PostgreSQL one statement finds the customer or inserts them.
            FoundOrInserted result = findOrInsert(details, tier, now);
            if (result.insertedId() != null) {
                return created(result.insertedId(), details, tier, now, actor);
            }
            // Nothing found and nothing inserted: another request inserted them meanwhile.
            existing = result.found().isEmpty() ? findId(details) : match(details, result.found());
        } else {
            existing = findId(details);
            if (existing.isEmpty()) {
                Long inserted = insert(details, tier, now);
                if (inserted != null) {
                    return created(inserted, details, tier, now, actor);
                }
                existing = findId(details);
            }
        }
        long id = existing.orElseThrow(() -> new Conflict("The customer's reference and email belong to "
            + "two different customers; correct one of them."));
        Customer customer = customers.findLockedById(id).orElseThrow();
        if (customer.learn(details, now)) {
            customer = customers.save(customer);
        }
        return new Identified(customer.view(), false);
    }

    private Identified created(long id, CustomerDetails details, String tier, Instant now, Actor actor) {
        audit.record(actor, "customer.created", "customer:" + id, describe(details));
        return new Identified(new CustomerView(id, details.externalRef(), details.email(), details.name(),
            details.phone(), tier, details.lifetimeValue(), details.currency(), now), true);
    }

    /**
     * Creates the customers these (validated) details describe that are new, in one statement
     * (PostgreSQL: complaints written together, ADR 18). For each, the customer created now, or
     * null: already known (then {@link #identify} finds them), or sharing a reference or email
     * with details earlier in the list (identified after those, they find that customer). A new
     * row is locked by its insert until the caller's transaction ends, as in {@link #identify}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<@Nullable CustomerView> createIfNew(List<CustomerDetails> details, List<Actor> actors) {
        if (!dialect.postgres()) {
            throw new IllegalStateException("createIfNew takes PostgreSQL's arrays; identify each customer instead");
        }
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        boolean[] tries = new boolean[details.size()];
        List<CustomerDetails> tried = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CustomerDetails customer = details.get(i);
            // Both keys are marked as seen (no short-circuit).
            boolean refNew = customer.externalRef() == null || seen.add("ref:" + customer.externalRef());
            boolean emailNew = customer.email() == null || seen.add("email:" + customer.email());
            tries[i] = refNew && emailNew;
            if (tries[i]) {
                tried.add(customer);
            }
        }
        record Row(long id, @Nullable String externalRef, @Nullable String email) {}
        // A known reference or email makes its row conflict with the customer who has it: not inserted.
        List<Row> inserted = tried.isEmpty() ? List.of() : jdbc.sql("insert into customers (" + INSERTED_COLUMNS + ")"
                + " select i.external_ref, i.email, i.name, i.phone, i.tier, cast(i.lifetime_value as numeric), i.currency,"
                + " cast(? as timestamptz), cast(? as timestamptz), 1 from unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[]) as i(external_ref, email, name, phone, tier, lifetime_value, currency)"
                + " on conflict do nothing returning id, external_ref, email")
            .params(now.toString(), now.toString(), column(tried, CustomerDetails::externalRef),
                column(tried, CustomerDetails::email), column(tried, CustomerDetails::name),
                column(tried, CustomerDetails::phone), column(tried, this::tierOf),
                column(tried, customer -> customer.lifetimeValue() == null ? null : customer.lifetimeValue().toPlainString()),
                column(tried, CustomerDetails::currency))
            .query(Row.class).list();
        List<@Nullable CustomerView> created = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            CustomerDetails customer = details.get(i);
            Actor actor = actors.get(i);
            Optional<Row> row = !tries[i] ? Optional.empty() : inserted.stream()
                .filter(r -> Objects.equals(r.externalRef(), customer.externalRef()) && Objects.equals(r.email(), customer.email()))
                .findFirst();
            created.add(row.map(r -> created(r.id(), customer, tierOf(customer), now, actor).customer()).orElse(null));
        }
        return created;
    }

    private String tierOf(CustomerDetails details) {
        return details.tier() == null ? settings.tiers().get(0) : details.tier();
    }

    private static String[] column(List<CustomerDetails> details, Function<CustomerDetails, @Nullable String> value) {
        return details.stream().map(value).toArray(String[]::new);
    }

    private @Nullable Long insert(CustomerDetails details, String tier, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("insert into customers (" + INSERTED_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
                + " on conflict do nothing")
            .params(insertedValues(details, tier, now))
            .update(keys, "id");
        return inserted == 1 ? keys.getKeyAs(Number.class).longValue() : null;
    }

    private record FoundOrInserted(List<Match> found, @Nullable Long insertedId) {}

    private FoundOrInserted findOrInsert(CustomerDetails details, String tier, Instant now) {
        List<Object> params = new ArrayList<>(List.of(nullable(details.externalRef()), nullable(details.email())));
        params.addAll(insertedValues(details, tier, now));
        record Row(long id, @Nullable String externalRef, @Nullable String email, boolean inserted) {}
        List<Row> rows = jdbc.sql("with found as (select id, external_ref, email from customers"
                + " where (external_ref = ? or email = ?) and erased_at is null),"
                + " inserted as (insert into customers (" + INSERTED_COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, 1"
                + " where not exists (select 1 from found) on conflict do nothing returning id)"
                + " select id, external_ref, email, false as inserted from found"
                + " union all select id, null, null, true from inserted")
            .params(params).query(Row.class).list();
        Long insertedId = rows.stream().filter(Row::inserted).map(Row::id).findFirst().orElse(null);
        return new FoundOrInserted(rows.stream().filter(row -> !row.inserted())
            .map(row -> new Match(row.id(), row.externalRef(), row.email())).toList(), insertedId);
    }

    private static List<Object> insertedValues(CustomerDetails details, String tier, Instant now) {
        return List.of(nullable(details.externalRef()), nullable(details.email()), nullable(details.name()),
            nullable(details.phone()), tier,
            details.lifetimeValue() == null ? new SqlParameterValue(Types.NUMERIC, null) : details.lifetimeValue(),
            nullable(details.currency()), Timestamp.from(now), Timestamp.from(now));
    }

    private static Object nullable(@Nullable String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    public record CustomerUpdate(@Nullable String name, @Nullable String phone, @Nullable String tier,
                                 @Nullable BigDecimal lifetimeValue, @Nullable String currency) {}

    public CustomerView update(Actor actor, long id, CustomerUpdate update) {
        String tier = update.tier() == null ? null : tier("tier", update.tier());
        String currency = currency("currency", update.lifetimeValue(), update.currency());
        String name = trimmed(Text.optional("name", update.name(), 200));
        String phone = trimmed(Text.optional("phone", update.phone(), 50));
        Customer customer = customers.findById(id).orElseThrow(() -> notFound(id));
        erasedAt(id).ifPresent(at -> {
            throw new Conflict("This customer's personal data was erased on " + at + "; their record stays anonymous.");
        });
        customer.update(name, phone, tier, update.lifetimeValue(), currency, clock.instant());
        customer = customers.save(customer);
        audit.record(actor, "customer.updated", "customer:" + id, null);
        return customer.view();
    }

    // Plain SQL: read on every case page, where the repository's generic mapping cost more than the query.
    @Transactional(readOnly = true)
    public Optional<CustomerView> find(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from customers where id = ?").param(id).query((rs, n) -> view(rs)).optional();
    }

    private static CustomerView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomerView(rs.getLong("id"), rs.getString("external_ref"), rs.getString("email"),
            rs.getString("name"), rs.getString("phone"), rs.getString("tier"), rs.getBigDecimal("lifetime_value"),
            rs.getString("currency"), rs.getTimestamp("created_at").toInstant());
    }

    /** The customer, locked until the caller's transaction ends: nothing else changes them meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CustomerView lock(long id) {
        return customers.findLockedById(id).map(Customer::view).orElseThrow(() -> notFound(id));
    }

    /** When the customer's personal data was erased, if it was. */
    @Transactional(readOnly = true)
    public Optional<Instant> erasedAt(long id) {
        return jdbc.sql("select erased_at from customers where id = ? and erased_at is not null").param(id)
            .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Customers whose name, email or reference contains {@code query}, by id, newest first. */
    @Transactional(readOnly = true)
    public List<CustomerView> search(@Nullable String query, @Nullable Long beforeId, int limit) {
        String term = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
        List<Long> ids = term == null ? newest(beforeId, limit) : matching(term, beforeId, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + VIEW_COLUMNS + " from customers where id in (:ids) order by id desc")
            .param("ids", ids).query((rs, n) -> view(rs)).list();
    }

    private List<Long> newest(@Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                select id from customers where (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
            .param("before", beforeId).param("limit", limit).query(Long.class).list();
    }

    /*
     * Newest first is what people want, but "newest first, keep those that match" reads the
     * customers one by one until a page is full: fast when many match, a long walk when the few
     * that do are far back (a customer number, which grows with the id, is the usual search).
     * So the matches are first taken from the trigram indexes, in no order, up to a bound: if
     * there are no more than that, they are sorted here; only a term that many customers
     * share (which a short walk then fills a page with) goes the newest-first way. The indexes
     * are asked for the term's rare part only, where it has one, and the customers they give
     * are checked against the whole term (the offset keeps PostgreSQL from handing that check to
     * the indexes too, which would read the lists every customer shares again).
     */
    private List<Long> matching(String term, @Nullable Long beforeId, int limit) {
        String pattern = SearchProbe.containing(term);
        CommonTrigrams.Probes probes = commonTrigrams.probes(term);
        List<Long> few = (probes.asks(pattern)
                ? jdbc.sql("select id from customers where " + MATCHES + " limit " + (FEW_MATCHES + 1))
                : jdbc.sql("select id from (select id, name, email, external_ref from customers where " + PROBED
                    + " offset 0) probed where " + MATCHES + " limit " + (FEW_MATCHES + 1))
                    .param("nameProbe", probes.name()).param("emailProbe", probes.email())
                    .param("referenceProbe", probes.reference()))
            .param("pattern", pattern).query(Long.class).list();
        if (few.size() <= FEW_MATCHES) {
            return few.stream().filter(id -> beforeId == null || id < beforeId).sorted(java.util.Comparator.reverseOrder())
                .limit(limit).toList();
        }
        return jdbc.sql("select id from customers where " + MATCHES + """
                 and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
            .param("pattern", pattern).param("before", beforeId).param("limit", limit)
            .query(Long.class).list();
    }

    private record Match(long id, @Nullable String externalRef, @Nullable String email) {}

    // One query for both keys: the reference decides when it is known, the email otherwise.
    private Optional<Long> findId(CustomerDetails details) {
        return match(details, jdbc.sql("select id, external_ref, email from customers where (external_ref = ? or email = ?) and erased_at is null")
            .params(details.externalRef(), details.email()).query(Match.class).list());
    }

    /** Which of the customers with the details' reference or email they are: by reference first, then email. */
    private static Optional<Long> match(CustomerDetails details, List<Match> matches) {
        if (details.externalRef() != null) {
            Optional<Match> byRef = matches.stream().filter(m -> details.externalRef().equals(m.externalRef())).findFirst();
            if (byRef.isPresent()) {
                matches.stream().filter(m -> m.id() != byRef.get().id() && m.email() != null && m.email().equals(details.email()))
                    .findFirst().ifPresent(other -> {
                        throw new Conflict("The email " + details.email() + " belongs to another customer"
                            + (other.externalRef() == null ? "" : " (reference " + other.externalRef() + ")")
                            + " than the reference " + details.externalRef() + ".");
                    });
                return byRef.map(Match::id);
            }
        }
        Optional<Match> byEmail = matches.stream().filter(m -> m.email() != null && m.email().equals(details.email())).findFirst();
        if (byEmail.isPresent() && details.externalRef() != null && byEmail.get().externalRef() != null) {
            throw new Conflict("The email " + details.email() + " belongs to the customer with reference "
                + byEmail.get().externalRef() + ", not " + details.externalRef() + ".");
        }
        return byEmail.map(Match::id);
    }

    /** The configured customer tiers in their configured order: what SLA policies and fair-offer rules may name. */
    @Transactional(readOnly = true)
    public List<String> tiers() {
        return settings.tiers();
    }

    /** The tier as configured (lower case), or a refusal naming the tiers there are. */
    @Transactional(readOnly = true)
    public String requireTier(String field, String value) {
        return tier(field, value);
    }

    private String tier(String field, String value) {
        String tier = value.trim().toLowerCase(Locale.ROOT);
        if (!settings.tiers().contains(tier)) {
            throw InvalidInput.field(field, "'" + value + "' is not a tier; use one of " + String.join(", ", settings.tiers()));
        }
        return tier;
    }

    private static @Nullable String currency(String field, @Nullable BigDecimal amount, @Nullable String code) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw InvalidInput.field(field.replace("currency", "lifetimeValue"), "cannot be negative");
        }
        if (code == null || code.isBlank()) {
            throw InvalidInput.field(field, "is required with a lifetime value (an ISO 4217 code such as EUR)");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null ? null : value.trim();
    }

    private static String describe(CustomerDetails details) {
        return details.externalRef() != null ? details.externalRef() : String.valueOf(details.email());
    }

    private static NotFound notFound(long id) {
        return new NotFound("There is no customer with id " + id + ".");
    }
}
