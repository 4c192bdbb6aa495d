package org.redress.lessons;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Lessons", description = "What cases taught, and the actions that keep their causes from striking again.")
class LessonApiController {

    private static final String ID = "Lesson id.";

    private final Lessons lessons;
    private final LessonActions actions;

    LessonApiController(Lessons lessons, LessonActions actions) {
        this.lessons = lessons;
        this.actions = actions;
    }

    @GetMapping("/api/v1/lessons")
    @Operation(summary = "List lessons", description = "Those of cases you may open and every action you own; open ones by due "
        + "date, the rest newest first. Lessons are recorded with a case's Learn step.")
    List<Lesson> list(@Parameter(description = "open (default), overdue, done, dropped or all.") @RequestParam(required = false) @Nullable String show,
                      @Parameter(description = "Only actions you own.") @RequestParam(defaultValue = "false") boolean mine,
                      @Parameter(description = "At most this many, 1–500.") @RequestParam(defaultValue = "100") int limit,
                      @AuthenticationPrincipal RedressUser me) {
        return lessons.list(me, show, mine, limit);
    }

    @GetMapping("/api/v1/lessons/{id}")
    @Operation(summary = "A lesson")
    Lesson one(@Parameter(description = ID) @PathVariable long id, @AuthenticationPrincipal RedressUser me) {
        return lessons.one(me, id);
    }

    @Schema(name = "ActionDone", description = "What was done.")
    record DoneRequest(@Schema(description = "What was changed, so others can see it.") @Nullable String note) {}

    @PostMapping("/api/v1/lessons/{id}/done")
    @Operation(summary = "Mark the action done", description = "By its owner, or a lead, manager or admin. 409 when it is not open.")
    Lesson done(@Parameter(description = ID) @PathVariable long id, @RequestBody(required = false) @Nullable DoneRequest body,
                @AuthenticationPrincipal RedressUser me) {
        return actions.done(me, id, body == null ? null : body.note());
    }

    @Schema(name = "ActionDropped", description = "Why the action will not be done.")
    record DropRequest(@Schema(description = "Why it is dropped.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason) {}

    @PostMapping("/api/v1/lessons/{id}/drop")
    @Operation(summary = "Drop the action", description = "By a lead, manager or admin, saying why. 409 when it is not open.")
    Lesson drop(@Parameter(description = ID) @PathVariable long id, @RequestBody DropRequest body, @AuthenticationPrincipal RedressUser me) {
        return actions.drop(me, id, body.reason());
    }

    @Schema(name = "ActionChange", description = "A new owner, a new due date, or both.")
    record ChangeRequest(@Schema(description = "Who sees to it now (user id).") @Nullable Long ownerId,
                         @Schema(description = "The new due date, today or later.", example = "2026-12-31") @Nullable LocalDate dueOn) {}

    @PatchMapping("/api/v1/lessons/{id}")
    @Operation(summary = "Give the action to someone else or another date", description = "By a lead, manager or admin.")
    Lesson change(@Parameter(description = ID) @PathVariable long id, @RequestBody ChangeRequest body, @AuthenticationPrincipal RedressUser me) {
        return actions.change(me, id, body.ownerId(), body.dueOn());
    }
}
