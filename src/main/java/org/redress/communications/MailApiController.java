package org.redress.communications;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.NotFound;
import org.redress.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admins read the email sent to customers, and whether it is going out. */
@RestController
@Tag(name = "Mail", description = "Email to customers: where each message stands, its words as sent, and whether the mail server takes it. Admins only.")
class MailApiController {

    private final MailLog log;
    private final MailRoute route;
    private final MailServerHealth health;

    MailApiController(MailLog log, MailRoute route, MailServerHealth health) {
        this.log = log;
        this.route = route;
        this.health = health;
    }

    @Schema(name = "Mail", description = "Email to customers: where it goes, whether that works, and the messages, newest first.")
    record MailView(
        @Schema(description = "SERVER (the configured SMTP server: customers receive it), BUILT_IN (the server inside "
            + "Redress: nobody outside receives it) or NONE (no server: it waits).") String route,
        @Schema(description = "The server, in words.") String server,
        @Schema(description = "Since when the server has not answered; null while it works.") @Nullable Instant failingSince,
        @Schema(description = "What it answered last when it failed.") @Nullable String lastError,
        @Schema(description = "When it last took a message.") @Nullable Instant lastSentAt,
        @Schema(description = "Counts over all email.") MailLog.Counts counts,
        @Schema(description = "A page of messages, newest first.") List<MailLog.Message> items,
        @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {}

    @GetMapping("/api/v1/mail")
    @Operation(summary = "Email to customers", description = "Where email goes and whether it is going out, the counts of "
        + "queued, sent and failed messages, and a page of messages, newest first; pass `nextCursor` as `cursor` for the next.")
    MailView mail(@Parameter(description = "queued, sent or failed; all when absent.") @RequestParam(required = false) @Nullable String state,
                  @Parameter(description = "Part of the recipient's address.") @RequestParam(required = false) @Nullable String recipient,
                  @Parameter(description = Paging.CURSOR) @RequestParam(required = false) @Nullable String cursor,
                  @Parameter(description = "Page size, 1–200.") @RequestParam(defaultValue = "50") int limit) {
        Paging.limit(limit, 200);
        Long before = Paging.position(cursor);
        Paging.Page<MailLog.Message> page = Paging.of(log.page(MailLog.Standing.parse(state), recipient, before, limit + 1),
            limit, MailLog.Message::id);
        MailServerHealth.Status status = health.status();
        return new MailView(route.kind().name(), route.where(), status.failingSince(), status.lastError(), status.lastSentAt(),
            log.counts(), page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/mail/{id}")
    @Operation(summary = "One email to a customer", description = "Its words exactly as sent, and where it stands.")
    MailLog.Message message(@Parameter(description = "Message id.") @PathVariable long id) {
        return log.message(id).orElseThrow(() -> new NotFound("There is no email " + id + "."));
    }
}
