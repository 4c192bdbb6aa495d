package org.redress.cases;

import java.time.LocalDate;

/** What will be changed so that a cause does not strike again, who sees to it (a user's id) and by when. */
public record PreventiveAction(String what, long ownerId, LocalDate due) {
}
