package org.redress.cases;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One action on many cases at once, over the API and from the console's queue. */
class BulkController {

    @RestController
    @Tag(name = "Cases")
    static class Api {

        @Schema(name = "BulkAction", description = "One action on many cases: all are changed, or none.")
        record BulkRequest(
            @Schema(description = "Case numbers, 1 to 200.", example = "[\"RC-000123\", \"RC-000124\"]") @Nullable List<String> cases,
            @Schema(description = "assign, severity or close.", example = "close") @Nullable String action,
            @Schema(description = "assign: the user to assign; null to unassign.") @Nullable Long assigneeId,
            @Schema(description = "assign: the team; defaults to the assignee's.") @Nullable Long teamId,
            @Schema(description = "severity: 1 (critical) to 4 (low).") @Nullable Integer severity,
            @Schema(description = "close: duplicate, spam or not-a-complaint.", example = "spam") @Nullable String reason,
            @Schema(description = "close as duplicate: the case they repeat, into which each is merged (see closing one case).",
                example = "RC-000122") @Nullable String duplicateOf,
            @Schema(description = "Why: required for a severity change, optional when closing.") @Nullable String note) {}

        private final BulkActions bulk;

        Api(BulkActions bulk) {
            this.bulk = bulk;
        }

        @PostMapping("/api/v1/cases/bulk")
        @Operation(summary = "Act on many cases", description = "Assign, change severity, or close for a reason (duplicate, spam, "
            + "not-a-complaint) up to 200 cases in one transaction. Each case is checked against the same rules as one at a "
            + "time; if any is refused (403, naming the cases) or any change is refused (400, 404, 409), no case is changed.")
        List<CaseView> apply(@RequestBody BulkRequest body, @AuthenticationPrincipal RedressUser me) {
            return bulk.apply(me, new BulkActions.Request(body.cases(), body.action(), body.assigneeId(), body.teamId(),
                body.severity(), body.reason(), body.duplicateOf(), body.note()));
        }
    }

    @Controller
    static class Console {

        private final BulkActions bulk;

        Console(BulkActions bulk) {
            this.bulk = bulk;
        }

        /** From the queue: the selected rows, the action chosen; back to the same queue, saying what was done or refused. */
        @PostMapping("/cases/bulk")
        String apply(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal RedressUser me,
                     RedirectAttributes redirect) {
            String back = form.getFirst("back");
            // Only back to a queue of this console, never to an address a crafted form names.
            String target = back != null && back.startsWith("/cases") && !back.startsWith("//") ? back : "/cases";
            try {
                List<CaseView> changed = bulk.apply(me, new BulkActions.Request(form.get("cases"), form.getFirst("action"),
                    number(form.getFirst("assigneeId")), null, severity(form.getFirst("severity")), blankToNull(form.getFirst("reason")),
                    blankToNull(form.getFirst("duplicateOf")), blankToNull(form.getFirst("note"))));
                redirect.addFlashAttribute("done", done(form.getFirst("action"), changed.size(), form));
            } catch (InvalidInput | Forbidden | Conflict | NotFound refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
            }
            return "redirect:" + target;
        }

        private static String done(@Nullable String action, int count, Map<String, List<String>> form) {
            String cases = count == 1 ? "1 case" : count + " cases";
            return switch (action == null ? "" : action) {
                case "assign" -> "Assigned " + cases + ".";
                case "severity" -> "Changed the severity of " + cases + ".";
                default -> "Closed " + cases + " as " + CloseReason.parse("reason", form.get("reason").get(0)).label()
                    .toLowerCase(java.util.Locale.ROOT) + ".";
            };
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static @Nullable Long number(@Nullable String value) {
            try {
                return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("'" + value + "' is not a valid choice.");
            }
        }

        private static @Nullable Integer severity(@Nullable String value) {
            try {
                return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low)");
            }
        }
    }
}
