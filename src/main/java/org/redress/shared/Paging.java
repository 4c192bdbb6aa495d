package org.redress.shared;

import java.util.List;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * The one paging style of the API: a list takes {@code cursor} and {@code limit} and
 * answers {@code items} and {@code nextCursor} (null on the last page). The cursor is
 * opaque to clients: they pass back what they were given, never build one. Today it is the
 * keyset position (the id) of the last item of the previous page.
 */
public final class Paging {

    /** Said of every cursor parameter in the OpenAPI document. */
    public static final String CURSOR = "Opaque: the `nextCursor` of the previous page; absent for the first page.";
    /** Said of every nextCursor field. */
    public static final String NEXT_CURSOR = "Pass as `cursor` for the next page; null on the last page. Opaque.";

    private Paging() {
    }

    /** One page of a list. */
    public record Page<T>(List<T> items, @Nullable String nextCursor) {}

    /** The position a cursor stands for; null for the first page. */
    public static @Nullable Long position(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(cursor.trim());
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // Refused below, as any cursor this API did not give.
        }
        throw InvalidInput.field("cursor", "is not a cursor returned by this API: pass the previous page's nextCursor");
    }

    /** The limit, or a refusal naming the range. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw InvalidInput.field("limit", "must be from 1 to " + max);
        }
        return limit;
    }

    /**
     * The page out of {@code fetched}, which was read with a limit one larger than the page's
     * so that a full last page is not followed by an empty one.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, ToLongFunction<T> position) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, String.valueOf(position.applyAsLong(items.get(limit - 1))));
    }
}
