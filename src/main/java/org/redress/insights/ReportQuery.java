package org.redress.insights;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * What every report is asked for, on the API and the Insights page alike: the days
 * ({@code ?from=2026-11-01&to=2026-11-30}, by default the last 30 up to today in the
 * business's time zone) and, if one, the team. A bad date or team is a field error naming it.
 */
record ReportQuery(@Parameter(description = "First day, e.g. 2026-11-01 (default: 29 days before `to`).") @Nullable String from,
                   @Parameter(description = "Last day, included (default: today).") @Nullable String to,
                   @Parameter(description = "Only this team's cases: the team's id.") @Nullable String team) {

    Period period(LocalDate today) {
        return Period.parse(from, to, today);
    }

    @Nullable Long teamId() {
        if (team == null || team.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(team.trim());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.field("team", "'" + team + "' is not a team's id");
        }
    }
}
