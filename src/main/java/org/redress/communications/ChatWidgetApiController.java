package org.redress.communications;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the chat widget talks to, from its own page on Redress (so no other site's script
 * reaches it). No account: the conversation's secret, in {@code X-Chat-Token}, is the
 * customer's credential, and nothing else is read with it.
 */
@RestController
@Tag(name = "Chat widget", description = "The customer's side of the chat a business embeds in its site (used by /widget.js).")
class ChatWidgetApiController {

    static final String TOKEN = "X-Chat-Token";

    @Schema(name = "ChatStart", description = "The customer's first message.")
    record Start(@Schema(description = "Their name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
                 @Schema(description = "Their email, to reach them when they have left.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email,
                 @Schema(description = "What they write.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text) {}

    @Schema(name = "ChatWrite", description = "A further message.")
    record Write(@Schema(description = "What they write.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text) {}

    private final ChatConversations conversations;

    ChatWidgetApiController(ChatConversations conversations) {
        this.conversations = conversations;
    }

    @Operation(summary = "Start a chat", description = "Opens a case (or joins the customer's open one); keep the token.")
    @PostMapping("/widget/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    ChatConversations.Started start(@RequestBody Start start) {
        return conversations.start(start.name(), start.email(), start.text());
    }

    @Operation(summary = "The chat so far", description = "What the customer wrote and what we answered, oldest first.")
    @GetMapping("/widget/conversation")
    ChatConversations.Conversation conversation(@RequestHeader(name = TOKEN, required = false) @Nullable String token) {
        return conversations.conversation(token);
    }

    @Operation(summary = "Write in the chat", description = "Joins the chat's case while it is open; after it closed, opens a new one.")
    @PostMapping("/widget/messages")
    ChatConversations.Conversation write(@RequestHeader(name = TOKEN, required = false) @Nullable String token,
                                         @RequestBody Write write) {
        return conversations.write(token, write.text());
    }
}
