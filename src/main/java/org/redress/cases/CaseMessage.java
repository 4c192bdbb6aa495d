package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message on a case. Inbound messages keep the customer's own words exactly as given. */
@Schema(description = "A message on a case; `body` of an inbound message is the customer's own words, exactly as received.")
public record CaseMessage(
    @Schema(description = "Identifier.") long id,
    @Schema(description = "INBOUND (from the customer) or OUTBOUND (to the customer).") String direction,
    @Schema(description = "Channel it came through.", example = "email") String channel,
    @Schema(description = "Who wrote it.") String author,
    @Schema(description = "Subject, if the channel has one.") @Nullable String subject,
    @Schema(description = "The text, exactly as given.") String body,
    @Schema(description = "When it was received or sent.") Instant receivedAt) {

    /** Written by the customer (the complaint, or what they wrote since), not by us. */
    public boolean fromCustomer() {
        return direction.equals("INBOUND");
    }
}
