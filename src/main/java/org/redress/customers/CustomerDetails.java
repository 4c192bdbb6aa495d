package org.redress.customers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who complained, as the channel told us. At least an external reference or an email is needed. */
@Schema(description = "The customer who complains. Give `externalRef` or `email` (or both) so Redress recognises them next time.")
public record CustomerDetails(
    @Schema(description = "The business's own customer reference.", example = "CUST-88213") @Nullable String externalRef,
    @Schema(description = "Name.", example = "Maria Lopez") @Nullable String name,
    @Schema(description = "Email address.", example = "maria@example.com") @Nullable String email,
    @Schema(description = "Phone number.", example = "+34 600 123 456") @Nullable String phone,
    @Schema(description = "Tier, if the channel knows it; otherwise kept or `standard`.", example = "premium") @Nullable String tier,
    @Schema(description = "Lifetime value, if known.", example = "1250.00") @Nullable BigDecimal lifetimeValue,
    @Schema(description = "ISO 4217 currency of the lifetime value.", example = "EUR") @Nullable String currency) {

    public static CustomerDetails of(@Nullable String externalRef, @Nullable String name, @Nullable String email,
                                     @Nullable String phone) {
        return new CustomerDetails(externalRef, name, email, phone, null, null, null);
    }
}
