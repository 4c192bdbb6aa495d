package org.redress.communications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Social networks: reaches the customer of a case that came from one (their
 * {@code network:handle} is the customer's reference), through the {@link SocialConnector}
 * that is ready. A reply or update to one customer is a direct message; only
 * {@link SocialReplies} posts in public, under its stricter rules.
 */
@Component
class SocialChannel implements CustomerChannel {

    static final String PUBLIC = "social-public";
    static final String PRIVATE = "social-private";

    private final ObjectProvider<SocialConnector> connectors;

    SocialChannel(ObjectProvider<SocialConnector> connectors) {
        this.connectors = connectors;
    }

    @Override
    public String name() {
        return "social";
    }

    @Override
    public Channel caseChannel() {
        return Channel.SOCIAL;
    }

    @Override
    public List<String> routes() {
        return List.of(PUBLIC, PRIVATE);
    }

    @Override
    public String route() {
        return PRIVATE;
    }

    @Override
    public @Nullable String addressOf(CaseView recoveryCase) {
        String reference = recoveryCase.customer().externalRef();
        return recoveryCase.channel().equals(Channel.SOCIAL.code()) && reference != null && reference.contains(":")
            ? reference : null;
    }

    @Override
    public boolean ready() {
        return connector() != null;
    }

    @Override
    public Map<Outgoing, Exception> send(List<Outgoing> posts) {
        SocialConnector connector = connector();
        Map<Outgoing, Exception> failures = new LinkedHashMap<>();
        for (Outgoing message : posts) {
            try {
                String[] reference = message.recipient().split(":", 2);
                connector.post(new SocialConnector.Post(reference[0], reference[1], message.route().equals(PUBLIC),
                    message.text(), message.messageId()));
            } catch (Exception failure) {
                failures.put(message, failure);
            }
        }
        return failures;
    }

    private @Nullable SocialConnector connector() {
        return connectors.orderedStream().filter(SocialConnector::ready).findFirst().orElse(null);
    }
}
