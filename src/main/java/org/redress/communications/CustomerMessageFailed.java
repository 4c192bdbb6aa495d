package org.redress.communications;

import java.time.Instant;

/** A message to a customer that will not be delivered (refused for good, or out of attempts), and why. */
public record CustomerMessageFailed(String messageId, String reason, Instant failedAt) {}
