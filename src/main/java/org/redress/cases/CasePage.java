package org.redress.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a case list. Pass {@code nextCursor} as {@code cursor} to get the next page. */
@Schema(description = "A page of cases, newest first.")
public record CasePage(
    @Schema(description = "The cases on this page.") List<CaseSummary> items,
    @Schema(description = "Cursor for the next page; null on the last page.") @Nullable String nextCursor) {
}
