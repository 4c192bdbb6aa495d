package org.redress.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Checks;
import org.redress.shared.FormFields;
import org.redress.shared.InvalidInput;

/** Reads the audit log's filters as the API and the console's address give them, refusing each bad one by name. */
final class AuditFilters {

    private AuditFilters() {
    }

    static AuditTrail.Filter parse(@Nullable String subject, @Nullable String actor, @Nullable String action,
                                   @Nullable String from, @Nullable String to) {
        Checks checks = new Checks();
        Long actorId = checks.check(() -> {
            if (actor == null || actor.isBlank()) {
                return null;
            }
            try {
                return Long.valueOf(actor.trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.field("actor", "'" + actor + "' is not a user id");
            }
        });
        LocalDate first = checks.check(() -> FormFields.date("from", from));
        LocalDate last = checks.check(() -> FormFields.date("to", to));
        checks.check(() -> {
            if (first != null && last != null && last.isBefore(first)) {
                throw InvalidInput.field("to", "must be on or after the from date");
            }
            return null;
        });
        checks.verify();
        return new AuditTrail.Filter(trimmed(subject), actorId, trimmed(action), first, last);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
