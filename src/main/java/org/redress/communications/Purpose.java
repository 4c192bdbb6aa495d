package org.redress.communications;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;
import org.redress.shared.Text;

/** What a message is for: the playbook step it serves, an incident notice or a survey invitation. */
public enum Purpose {
    ACKNOWLEDGEMENT, APOLOGY, EXPLANATION, OFFER, CONFIRMATION, STATUS_UPDATE, FOLLOW_UP, INCIDENT_NOTICE, SURVEY_INVITATION;

    /**
     * What an agent writes in the composer. The others go out once, from where they happen:
     * the acknowledgement from the Acknowledge step (the agent's words, or this template to
     * start from), the offer and what was agreed as customer updates, incident notices and
     * survey invitations to many customers. Offering them here would send a second message.
     */
    static final java.util.List<Purpose> COMPOSED = java.util.List.of(APOLOGY, EXPLANATION, STATUS_UPDATE, FOLLOW_UP);

    /** Reads {@code APOLOGY}, {@code apology} or {@code status-update}; anything else is a clear 400. */
    static Purpose parse(@Nullable String value) {
        String text = Text.required("purpose", value, 40).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("purpose", "'" + value + "' is not a purpose; use one of "
                + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
        }
    }

    /** As {@link #parse}, but nothing (or blank) means no particular purpose. */
    static @Nullable Purpose parseOptional(@Nullable String value) {
        return value == null || value.isBlank() ? null : parse(value);
    }
}
