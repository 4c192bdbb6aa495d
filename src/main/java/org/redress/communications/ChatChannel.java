package org.redress.communications;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseView;
import org.redress.cases.Channel;
import org.springframework.stereotype.Component;

/**
 * The chat widget on the business's own site: reaches the customer of a case that has a
 * chat conversation. Sending is the widget reading its conversation: a message is there
 * as soon as it is in the outbox, so the channel takes every message at once.
 */
@Component
class ChatChannel implements CustomerChannel {

    static final String NAME = "chat";

    private final ChannelInbox inbox;
    private final ChatSettings settings;

    ChatChannel(ChannelInbox inbox, ChatSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Channel caseChannel() {
        return Channel.CHAT;
    }

    @Override
    public @Nullable String addressOf(CaseView recoveryCase) {
        return settings.enabled() && inbox.hasConversation(NAME, recoveryCase.id()) ? "chat " + recoveryCase.number() : null;
    }

    @Override
    public Map<Outgoing, Exception> send(List<Outgoing> due) {
        return Map.of();
    }
}
