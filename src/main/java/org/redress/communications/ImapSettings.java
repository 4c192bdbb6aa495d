package org.redress.communications;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.mail.imap.*}: the mailbox customers write to. Polled only when a host is
 * set; {@code ssl} for IMAPS.
 */
@ConfigurationProperties("redress.mail.imap")
record ImapSettings(@Nullable String host, @DefaultValue("993") int port, @Nullable String username, @Nullable String password,
                    @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean ssl) {

    boolean enabled() {
        return host != null && !host.isBlank();
    }
}
