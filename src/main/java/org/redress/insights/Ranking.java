package org.redress.insights;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/** How the reports order their lines per agent, owner or team: most first, then by key (as text), as they always have. */
final class Ranking {

    private Ranking() {
    }

    static <V, L> List<L> mostFirst(Map<String, V> byKey, ToLongFunction<V> size, BiFunction<String, V, L> line) {
        return byKey.entrySet().stream()
            .sorted(Comparator.comparingLong((Map.Entry<String, V> e) -> -size.applyAsLong(e.getValue()))
                .thenComparing(Map.Entry::getKey))
            .map(e -> line.apply(e.getKey(), e.getValue())).toList();
    }
}
