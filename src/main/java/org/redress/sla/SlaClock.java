package org.redress.sla;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** How a case stands against one of its targets. */
@Schema(name = "SlaClock", description = "A case's progress against one time target.")
public record SlaClock(
    @Schema(description = "The target: ACKNOWLEDGE, RESOLVE, FULFIL or FOLLOW_UP.") Target target,
    @Schema(description = "What the target is, in words.") String label,
    @Schema(description = "ON_TRACK, AT_RISK (past the warning share), BREACHED, MET, MET_LATE, STOPPED (case closed) or PAUSED (waiting on the customer).") State state,
    @Schema(description = "When the clock started.") Instant startedAt,
    @Schema(description = "When the target falls due.") Instant dueAt,
    @Schema(description = "When it was met, if it was.") @Nullable Instant metAt,
    @Schema(description = "Business time left until due (negative once overdue; while paused, what is left when resumed); null once met or stopped.") @Nullable Duration left) {

    public enum State { ON_TRACK, AT_RISK, BREACHED, MET, MET_LATE, STOPPED, PAUSED }

    /** "2 h 10 min left", "overdue by 35 min", "met", for people. */
    public String describe() {
        return switch (state) {
            case MET -> "Met";
            case MET_LATE -> "Met late";
            case STOPPED -> "Stopped";
            case PAUSED -> "Paused, " + (left == null ? "" : human(left) + " left");
            default -> left == null ? ""
                : target == Target.FOLLOW_UP && left.isNegative() ? "Due since " + human(left.negated())
                : left.isNegative() ? "Overdue by " + human(left.negated()) : human(left) + " left";
        };
    }

    private static String human(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + (minutes % 60 == 0 ? "" : minutes % 60 + " min").trim();
        }
        return minutes / (24 * 60) + " days " + (minutes / 60 % 24 == 0 ? "" : minutes / 60 % 24 + " h");
    }
}
