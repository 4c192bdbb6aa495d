package org.redress.sla;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseStatus;
import org.redress.cases.Channel;
import org.redress.shared.InvalidInput;

/**
 * What a queue shows: a view (mine, my team, unassigned, all open, recently closed), filters
 * that combine (each one narrows), an order and a page. It is written in the URL, so a
 * filtered queue can be bookmarked, shared and saved as a view.
 */
public record QueueQuery(View view, @Nullable Long team, @Nullable Long assignee, @Nullable Integer severity,
                         @Nullable String category, @Nullable String channel, @Nullable CaseStatus status,
                         boolean atRisk, boolean missed, Sort sort, int page) {

    public static final int PAGE_SIZE = 50;
    // Deeper pages are a search, not a queue; the offset stays cheap up to here.
    public static final int MAX_PAGE = 200;

    public enum View {
        MINE("mine", "Mine"), TEAM("team", "My team"), UNASSIGNED("unassigned", "Unassigned"), OPEN("open", "All open"),
        CLOSED("closed", "Recently closed");

        private final String key;
        private final String label;

        View(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** Soonest due first (missed, then least time left, then cases with no running target), or by severity. */
    public enum Sort { TIME_LEFT, SEVERITY }

    /** Reads the URL's parameters; a value that is not one of the allowed ones is refused, naming the parameter. */
    public static QueueQuery from(Map<String, String> params, View defaultView) {
        View view = params.get("queue") == null || params.get("queue").isBlank() ? defaultView
            : Arrays.stream(View.values()).filter(v -> v.key.equals(params.get("queue"))).findFirst()
                .orElseThrow(() -> InvalidInput.field("queue", "must be one of mine, team, unassigned, open, closed"));
        Integer severity = number(params, "severity");
        if (severity != null && (severity < 1 || severity > 4)) {
            throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low)");
        }
        String channel = blank(params.get("channel")) ? null : Channel.parse("channel", params.get("channel")).code();
        String sort = params.getOrDefault("sort", "");
        Sort order = switch (sort) {
            case "", "time-left" -> Sort.TIME_LEFT;
            case "severity", "urgency" -> Sort.SEVERITY;
            default -> throw InvalidInput.field("sort", "must be time-left or severity");
        };
        Integer page = number(params, "page");
        if (page != null && (page < 1 || page > MAX_PAGE)) {
            throw InvalidInput.field("page", "must be from 1 to " + MAX_PAGE);
        }
        Long team = id(params, "team");
        Long assignee = id(params, "assignee");
        String category = blank(params.get("category")) ? null : params.get("category").trim().toLowerCase(Locale.ROOT);
        return new QueueQuery(view, team, assignee, severity, category, channel, status(params.get("status")),
            flag(params, "at-risk"), flag(params, "missed"), order, page == null ? 1 : page);
    }

    /** The same query on another page. */
    public QueueQuery onPage(int number) {
        return new QueueQuery(view, team, assignee, severity, category, channel, status, atRisk, missed, sort, number);
    }

    /** The same filters and order in another view, from its first page. */
    public QueueQuery inView(View other) {
        return new QueueQuery(other, team, assignee, severity, category, channel, status, atRisk, missed, sort, 1);
    }

    /** The query as URL parameters, leaving out what is the default; what a link or a saved view keeps. */
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("queue", view.key);
        put(params, "team", team);
        put(params, "assignee", assignee);
        put(params, "severity", severity);
        put(params, "category", category);
        put(params, "channel", channel);
        put(params, "status", status == null ? null : status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        put(params, "at-risk", atRisk ? "true" : null);
        put(params, "missed", missed ? "true" : null);
        put(params, "sort", sort == Sort.SEVERITY ? "severity" : null);
        put(params, "page", page > 1 ? page : null);
        return params;
    }

    /** Whether any filter narrows the view. */
    public boolean filtered() {
        return team != null || assignee != null || severity != null || category != null || channel != null || status != null
            || atRisk || missed;
    }

    private static void put(Map<String, String> params, String name, @Nullable Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }

    private static @Nullable CaseStatus status(@Nullable String value) {
        if (blank(value)) {
            return null;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(normalised)).findFirst()
            .orElseThrow(() -> InvalidInput.field("status", "'" + value + "' is not a status; use new, in-progress, "
                + "resolution-agreed, fulfilled or closed"));
    }

    private static boolean flag(Map<String, String> params, String name) {
        String value = params.get(name);
        if (blank(value) || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        throw InvalidInput.field(name, "must be true or false");
    }

    private static @Nullable Integer number(Map<String, String> params, String name) {
        String value = params.get(name);
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "'" + value + "' is not a number");
        }
    }

    private static @Nullable Long id(Map<String, String> params, String name) {
        String value = params.get(name);
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "'" + value + "' is not an id");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
