package org.redress.communications;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.chat.*}: the chat widget a business embeds in its web site. {@code sites}
 * are the origins allowed to show it (e.g. {@code https://shop.example.com}); empty lets
 * any site embed it. {@code poll} is how often an open widget asks for new answers.
 * {@code starts-per-hour}: how many chats one client address may start in an hour (each
 * opens a case, and the widget needs no account), before it is asked to wait.
 */
@ConfigurationProperties("redress.chat")
record ChatSettings(@DefaultValue("true") boolean enabled, @DefaultValue List<String> sites,
                    @DefaultValue("4s") Duration poll, @DefaultValue("Questions or a problem? Write to us.") String greeting,
                    @DefaultValue("10") int startsPerHour) {

    /** The CSP frame-ancestors value for the widget's page. */
    String frameAncestors() {
        return sites.isEmpty() ? "*" : String.join(" ", sites);
    }
}
