package org.redress.communications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseManagement;
import org.redress.cases.CaseView;
import org.redress.customers.CustomerDetails;
import org.redress.shared.Checks;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Secrets;
import org.redress.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Conversations in the chat widget. Starting one gives the customer's browser a secret
 * (kept in the widget's storage, so the customer carries on later, on the same case); only
 * its hash is stored. What the widget shows is what the customer wrote on the case and
 * what we sent to the chat, in order.
 */
@Service
@Transactional
class ChatConversations {

    @Schema(name = "ChatMessage", description = "A message in the chat.")
    record Line(@Schema(description = "customer or us.") String from, @Schema(description = "Who wrote it.") String author,
                @Schema(description = "The text.") String text, @Schema(description = "When.") Instant at) {}

    @Schema(name = "ChatConversation", description = "The chat as the customer sees it.")
    record Conversation(@Schema(description = "The case the conversation is on.") String caseNumber,
                        @Schema(description = "Whether that case is closed (a new message then opens a new one).") boolean closed,
                        @Schema(description = "The messages, oldest first.") List<Line> messages) {}

    @Schema(name = "ChatStarted", description = "A chat started: keep the token to carry on.")
    record Started(@Schema(description = "The conversation's secret; send it as X-Chat-Token.") String token, Conversation conversation) {}

    private static final int MAX_TEXT = 5_000;

    private final ChannelInbox inbox;
    private final CaseManagement cases;
    private final JdbcClient jdbc;

    ChatConversations(ChannelInbox inbox, CaseManagement cases, JdbcClient jdbc) {
        this.inbox = inbox;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    Started start(@Nullable String name, @Nullable String email, @Nullable String text) {
        Checks checks = new Checks();
        String who = checks.check(() -> Text.required("name", name, 200).strip());
        String address = checks.check(() -> {
            String value = Text.required("email", email, 320).strip();
            if (!value.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
                throw InvalidInput.field("email", "'" + email + "' is not an email address");
            }
            return value;
        });
        String words = checks.check(() -> Text.required("text", text, MAX_TEXT));
        checks.verify();
        String token = Secrets.randomToken(32);
        inbox.receive(new ChannelInbox.Arrival(ChatChannel.NAME, token, CustomerDetails.of(null, who, address, null),
            subjectOf(words), words, token + ":1", List.of()));
        return new Started(token, conversation(token));
    }

    Conversation write(@Nullable String token, @Nullable String text) {
        String words = Text.required("text", text, MAX_TEXT);
        long caseId = caseOf(token);
        // Each message has its own key; a resend of the same request is a new message, as in any chat.
        inbox.receive(new ChannelInbox.Arrival(ChatChannel.NAME, token, null, subjectOf(words), words,
            token + ":" + Secrets.randomToken(12), List.of()));
        return conversation(token);
    }

    @Transactional(readOnly = true)
    Conversation conversation(@Nullable String token) {
        CaseView c = cases.view(caseOf(token));
        List<Line> lines = new ArrayList<>();
        cases.messages(c.id()).stream().filter(m -> m.fromCustomer())
            .forEach(m -> lines.add(new Line("customer", m.author(), m.body(), m.receivedAt())));
        jdbc.sql("select created_by, body_text, created_at from outbox where case_id = ? and channel = ? order by id")
            .params(c.id(), ChatChannel.NAME)
            .query((rs, n) -> new Line("us", rs.getString("created_by"), rs.getString("body_text"),
                rs.getTimestamp("created_at").toInstant()))
            .list().forEach(lines::add);
        lines.sort(Comparator.comparing(Line::at));
        return new Conversation(c.number(), c.closed(), lines);
    }

    private long caseOf(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFound("This chat is not known here any more; start a new one.");
        }
        return inbox.caseOf(ChatChannel.NAME, token)
            .orElseThrow(() -> new NotFound("This chat is not known here any more; start a new one."));
    }

    private static String subjectOf(String words) {
        String line = words.strip().replaceAll("\\s+", " ");
        return "Chat: " + (line.length() > 80 ? line.substring(0, 77) + "..." : line);
    }
}
