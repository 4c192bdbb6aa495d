package org.redress.communications;

import java.time.Instant;
import java.util.List;

/**
 * Messages to customers that the mail server (or social network) took, by Message-ID:
 * published in the transaction that records them as sent, so a mailing's counts can say
 * "sent" rather than "queued".
 */
public record CustomerMessagesSent(List<String> messageIds, Instant sentAt) {}
