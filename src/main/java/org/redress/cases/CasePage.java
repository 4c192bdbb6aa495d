package org.redress.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Paging;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a case list. Pass {@code nextCursor} as {@code cursor} to get the next page. */
@Schema(description = "A page of cases, newest first.")
public record CasePage(
    @Schema(description = "The cases on this page.") List<CaseSummary> items,
    @Schema(description = Paging.NEXT_CURSOR) @Nullable String nextCursor) {
}
