package org.redress.customers;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A customer as the API and other modules see them. */
@Schema(description = "A customer: the person a recovery case is about.")
public record CustomerView(
    @Schema(description = "Identifier of the customer in Redress.", example = "17") long id,
    @Schema(description = "The business's own customer reference.", example = "CUST-88213") @Nullable String externalRef,
    @Schema(description = "Email address (lower case).", example = "maria@example.com") @Nullable String email,
    @Schema(description = "Name.", example = "Maria Lopez") @Nullable String name,
    @Schema(description = "Phone number as given.", example = "+34 600 123 456") @Nullable String phone,
    @Schema(description = "Customer tier, one of the configured tiers (default: standard, premium, vip).", example = "premium") String tier,
    @Schema(description = "Lifetime value, if known.", example = "1250.00") @Nullable BigDecimal lifetimeValue,
    @Schema(description = "ISO 4217 currency of the lifetime value.", example = "EUR") @Nullable String currency,
    @Schema(description = "When the customer was first seen.") Instant createdAt) {

    /** What an agent calls the customer: their name, else their email or reference. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return email != null ? email : String.valueOf(externalRef);
    }
}
