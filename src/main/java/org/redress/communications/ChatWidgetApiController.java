package org.redress.communications;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.redress.shared.AttemptWindow;
import org.redress.shared.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

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
    private final AttemptWindow starts;

    ChatWidgetApiController(ChatConversations conversations, ChatSettings settings, Clock clock) {
        this.conversations = conversations;
        this.starts = new AttemptWindow(settings.startsPerHour(), Duration.ofHours(1), clock);
    }

    @Operation(summary = "Start a chat", description = "Opens a case (or joins the customer's open one); keep the token. "
        + "One address may start `redress.chat.starts-per-hour` chats an hour (429 after that, with Retry-After).")
    @ApiResponse(responseCode = "201", description = "Started.", content = @Content(
        schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ChatConversations.Started.class)))
    @PostMapping("/widget/conversations")
    ResponseEntity<?> start(@RequestBody Start start, HttpServletRequest request) {
        Duration wait = starts.waitFor(request.getRemoteAddr());
        if (!wait.isZero()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Many chats were started from your connection in the last hour; please wait a while, or write to us by email.");
            problem.setType(ProblemType.TOO_MANY_REQUESTS.uri());
            problem.setTitle("Too many chats started");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(wait.toSeconds() + 1))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ChatConversations.Started started = conversations.start(start.name(), start.email(), start.text());
        // Counted once a chat is started: a form refused for its fields costs the customer nothing.
        starts.count(request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(started);
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
