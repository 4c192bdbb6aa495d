package org.redress.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The timelines of the past cases, gathered from everything that happened on them (steps,
 * remedies, promises, targets, surveys) and written in the order it happened: a timeline
 * is read in the order of its ids.
 */
final class PastTimeline {

    /** The system's own name on a timeline, as the services write it. */
    static final String SYSTEM = "Redress";

    private record Entry(Instant at, @Nullable Long actorId, String actorName, String kind, String summary) {}

    private final Map<PastCase, List<Entry>> entries = new IdentityHashMap<>();

    void add(PastCase c, Instant at, PastCase.@Nullable Person by, String kind, String summary) {
        add(c, at, by == null ? null : by.id(), by == null ? SYSTEM : by.name(), kind, summary);
    }

    void add(PastCase c, Instant at, @Nullable Long actorId, String actorName, String kind, String summary) {
        entries.computeIfAbsent(c, k -> new ArrayList<>()).add(new Entry(at, actorId, actorName, kind, summary));
    }

    void write(JdbcClient jdbc, List<PastCase> cases) {
        Rows rows = new Rows(jdbc, "case_timeline", "case_id, occurred_at, actor_id, actor_name, kind, summary, internal");
        for (PastCase c : cases) {
            List<Entry> lines = entries.getOrDefault(c, List.of());
            lines.sort(Comparator.comparing(Entry::at));
            for (Entry line : lines) {
                rows.add(c.id, line.at(), line.actorId(), line.actorName(), line.kind(), line.summary(), false);
            }
        }
        rows.write();
    }

    /** As the case quotes a text on its timeline. */
    static String quoted(@Nullable String text) {
        return text == null || text.isBlank() ? "" : ": “" + (text.length() > 160 ? text.substring(0, 157) + "…" : text) + "”";
    }
}
