package org.redress.customers;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer. What a channel tells us only fills gaps: a complaint never overwrites a
 * name, email or tier that is already known (changes go through an explicit update).
 */
@Table("customers")
class Customer {

    private @Id long id;
    private @Nullable String externalRef;
    private @Nullable String email;
    private @Nullable String name;
    private @Nullable String phone;
    private String tier;
    private @Nullable BigDecimal lifetimeValue;
    private @Nullable String currency;
    private final Instant createdAt;
    private Instant updatedAt;
    private @Version int version;

    @PersistenceCreator
    Customer(long id, @Nullable String externalRef, @Nullable String email, @Nullable String name,
             @Nullable String phone, String tier, @Nullable BigDecimal lifetimeValue, @Nullable String currency,
             Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.externalRef = externalRef;
        this.email = email;
        this.name = name;
        this.phone = phone;
        this.tier = tier;
        this.lifetimeValue = lifetimeValue;
        this.currency = currency;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** Fills what we did not know yet; returns whether anything changed. */
    boolean learn(CustomerDetails details, Instant now) {
        boolean changed = false;
        if (externalRef == null && details.externalRef() != null) {
            externalRef = details.externalRef();
            changed = true;
        }
        if (email == null && details.email() != null) {
            email = details.email();
            changed = true;
        }
        if (name == null && details.name() != null) {
            name = details.name();
            changed = true;
        }
        if (phone == null && details.phone() != null) {
            phone = details.phone();
            changed = true;
        }
        if (lifetimeValue == null && details.lifetimeValue() != null) {
            lifetimeValue = details.lifetimeValue();
            currency = details.currency();
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    void update(@Nullable String newName, @Nullable String newPhone, @Nullable String newTier,
                @Nullable BigDecimal newLifetimeValue, @Nullable String newCurrency, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newPhone != null) {
            phone = newPhone;
        }
        if (newTier != null) {
            tier = newTier;
        }
        if (newLifetimeValue != null) {
            lifetimeValue = newLifetimeValue;
            currency = newCurrency;
        }
        updatedAt = now;
    }

    long id() {
        return id;
    }

    CustomerView view() {
        return new CustomerView(id, externalRef, email, name, phone, tier, lifetimeValue, currency, createdAt);
    }
}
