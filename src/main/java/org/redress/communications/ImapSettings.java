package org.redress.communications;

import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

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

    /** A store connected to the mailbox; {@code peek}: reading a message does not mark it seen. */
    Store connect(boolean peek) throws MessagingException {
        Properties properties = new Properties();
        String protocol = ssl ? "imaps" : "imap";
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        properties.put("mail." + protocol + ".peek", String.valueOf(peek));
        Store store = Session.getInstance(properties).getStore();
        store.connect(host, port, username, password);
        return store;
    }
}
