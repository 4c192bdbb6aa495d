package org.redress.customers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final Customers customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CustomerSettings settings;
    private final Clock clock;

    CustomerManagement(Customers customers, JdbcClient jdbc, AuditTrail audit, CustomerSettings settings, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks customer details without touching the database, so a caller can refuse bad input before writing. */
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

    /** The customer these (validated) details describe, created if new, locked for this transaction. */
    // Inserted with plain SQL (on conflict do nothing) so that two complaints from one new
    // customer arriving together create the customer once; version 1 marks the row as
    // already stored for Spring Data's later updates.
    @Transactional(propagation = Propagation.MANDATORY)
    public CustomerView identify(CustomerDetails details, Actor actor) {
        Instant now = clock.instant();
        Long id = findId(details).orElse(null);
        if (id == null) {
            int inserted = jdbc.sql("""
                    insert into customers (external_ref, email, name, phone, tier, lifetime_value, currency, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    on conflict do nothing""")
                .params(details.externalRef(), details.email(), details.name(), details.phone(),
                    details.tier() == null ? settings.tiers().get(0) : details.tier(), details.lifetimeValue(),
                    details.currency(), Timestamp.from(now), Timestamp.from(now))
                .update();
            id = findId(details).orElseThrow(() -> new Conflict("The customer's reference and email belong to "
                + "two different customers; correct one of them."));
            if (inserted == 1) {
                audit.record(actor, "customer.created", "customer:" + id, describe(details));
            }
        }
        jdbc.sql("select id from customers where id = ? for update").param(id).query(Long.class).single();
        Customer customer = customers.findById(id).orElseThrow();
        if (customer.learn(details, now)) {
            customer = customers.save(customer);
        }
        return customer.view();
    }

    public record CustomerUpdate(@Nullable String name, @Nullable String phone, @Nullable String tier,
                                 @Nullable BigDecimal lifetimeValue, @Nullable String currency) {}

    public CustomerView update(Actor actor, long id, CustomerUpdate update) {
        String tier = update.tier() == null ? null : tier("tier", update.tier());
        String currency = currency("currency", update.lifetimeValue(), update.currency());
        String name = trimmed(Text.optional("name", update.name(), 200));
        String phone = trimmed(Text.optional("phone", update.phone(), 50));
        Customer customer = customers.findById(id).orElseThrow(() -> notFound(id));
        customer.update(name, phone, tier, update.lifetimeValue(), currency, clock.instant());
        customer = customers.save(customer);
        audit.record(actor, "customer.updated", "customer:" + id, null);
        return customer.view();
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> find(long id) {
        return customers.findById(id).map(Customer::view);
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Customers whose name, email or reference contains {@code query}, by id, newest first. */
    @Transactional(readOnly = true)
    public List<CustomerView> search(@Nullable String query, @Nullable Long beforeId, int limit) {
        String pattern = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase(Locale.ROOT) + "%";
        List<Long> ids = jdbc.sql("""
                select id from customers
                where (cast(:pattern as text) is null or lower(coalesce(name, '')) like :pattern
                       or coalesce(email, '') like :pattern or lower(coalesce(external_ref, '')) like :pattern)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
            .param("pattern", pattern).param("before", beforeId).param("limit", limit)
            .query(Long.class).list();
        return customers.findAllById(ids).stream().map(Customer::view)
            .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    private Optional<Long> findId(CustomerDetails details) {
        if (details.externalRef() != null) {
            Optional<Long> byRef = jdbc.sql("select id from customers where external_ref = ?")
                .param(details.externalRef()).query(Long.class).optional();
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        if (details.email() == null) {
            return Optional.empty();
        }
        record ByEmail(long id, @Nullable String externalRef) {}
        Optional<ByEmail> byEmail = jdbc.sql("select id, external_ref from customers where email = ?")
            .param(details.email()).query(ByEmail.class).optional();
        if (byEmail.isPresent() && details.externalRef() != null && byEmail.get().externalRef() != null) {
            throw new Conflict("The email " + details.email() + " belongs to the customer with reference "
                + byEmail.get().externalRef() + ", not " + details.externalRef() + ".");
        }
        return byEmail.map(ByEmail::id);
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
