package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * Who an authority limit is for, as the console's choice sends it: a role
 * ({@code role:AGENT}) or one person ({@code user:12}).
 */
record LimitHolder(@Nullable String role, @Nullable Long userId) {

    static LimitHolder parse(@Nullable String value) {
        if (value != null && value.startsWith("role:")) {
            return new LimitHolder(value.substring(5), null);
        }
        if (value != null && value.startsWith("user:")) {
            try {
                return new LimitHolder(null, Long.valueOf(value.substring(5)));
            } catch (NumberFormatException e) {
                // refused below, like any other choice that is not one
            }
        }
        throw InvalidInput.field("holder", "choose a role or a person");
    }
}
