package org.redress.insights;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.redress.cases.Channel;
import org.redress.shared.InvalidInput;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The cases behind a figure of the Insights page: the period and team of the report, whether
 * the figure counts cases opened or closed in it, and what else it counts by (an outcome, a
 * cause, a category, a channel, a severity, the customer's tier, who held the case, a target missed, and the
 * first answer × apology × remedy cell of "what recovers"). Every figure links to its
 * drill-down with these in the URL; the list and its CSV hold exactly the cases the figure
 * counted, from the same facts. A value that is not one of the allowed ones is a field error.
 */
record CaseDrill(@Parameter(description = "First day, e.g. 2026-11-01 (default: 29 days before `to`).") @Nullable String from,
                 @Parameter(description = "Last day, included (default: today).") @Nullable String to,
                 @Parameter(description = "Only this team's cases: the team's id.") @Nullable String team,
                 @Parameter(description = "opened (default): cases opened in the period; closed: cases closed in it.") @Nullable String counted,
                 @Parameter(description = "recovered, not-recovered, or either (closed with an outcome).") @Nullable String outcome,
                 @Parameter(description = "A root cause's code.") @Nullable String cause,
                 @Parameter(description = "A category's code.") @Nullable String category,
                 @Parameter(description = "A channel's code, e.g. email.") @Nullable String channel,
                 @Parameter(description = "1 (critical) to 4 (low).") @Nullable String severity,
                 @Parameter(description = "The customer's tier, e.g. gold.") @Nullable String tier,
                 @Parameter(description = "Who held the case (user id); `none` for nobody.") @Nullable String assignee,
                 @Parameter(description = "A target met late or missed: acknowledge, resolve or fulfil.") @Nullable String late,
                 @Parameter(description = "How soon the first answer came: within-an-hour, within-a-day or later.") @Nullable String firstAnswer,
                 @Parameter(description = "true: an apology was recorded; false: none was.") @Nullable String apology,
                 @Parameter(description = "true: reopened after a close at least once; false: never.") @Nullable String reopened,
                 @Parameter(description = "true: the customer confirmed the recovery in the recovery survey (a win); false: not.") @Nullable String confirmed,
                 @Parameter(description = "true: the customer got a remedy (accepted or delivered); false: not.") @Nullable String remedy,
                 // The console's page links; the API pages with an opaque cursor instead (CasesBehindApiController).
                 @Parameter(hidden = true) @Nullable String page) {

    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE = 10_000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");

    ReportQuery report() {
        return new ReportQuery(from, to, team);
    }

    /** The condition on the facts (alias {@code f}) and its parameters, in order; refuses a value it does not know. */
    Condition condition(LocalDate today, ZoneId zone) {
        Period period = report().period(today);
        Long teamId = report().teamId();
        List<Object> params = new ArrayList<>();
        String on = closed() ? "f.closed_at" : "f.opened_at";
        StringBuilder where = new StringBuilder(" where " + on + " >= ? and " + on + " < ?");
        params.add(Timestamp.from(period.start(zone)));
        params.add(Timestamp.from(period.end(zone)));
        where.append(RecoverySummary.onTeam(teamId));
        if (present(outcome)) {
            where.append(switch (outcome.trim()) {
                case "recovered" -> " and f.outcome = 'RECOVERED'";
                case "not-recovered" -> " and f.outcome = 'NOT_RECOVERED'";
                // Closed with an outcome, whichever: not a duplicate, spam or not a complaint.
                case "either" -> " and f.outcome in ('RECOVERED', 'NOT_RECOVERED')";
                default -> throw InvalidInput.field("outcome", "must be recovered, not-recovered or either");
            });
        }
        code(where, params, "f.root_cause", "cause", cause);
        code(where, params, "f.category", "category", category);
        code(where, params, "lower(f.tier)", "tier", tier);
        if (present(channel)) {
            where.append(" and f.channel = ?");
            params.add(Channel.parse("channel", channel).name());
        }
        if (present(severity)) {
            int level = number("severity", severity);
            if (level < 1 || level > 4) {
                throw InvalidInput.field("severity", "must be from 1 (critical) to 4 (low)");
            }
            where.append(" and f.severity = ?");
            params.add(level);
        }
        if (present(assignee)) {
            if (assignee.trim().equals("none")) {
                where.append(" and f.assignee_id is null");
            } else {
                where.append(" and f.assignee_id = ?");
                params.add((long) number("assignee", assignee));
            }
        }
        if (present(late)) {
            String column = switch (late.trim()) {
                case "acknowledge" -> "f.acknowledge_sla";
                case "resolve" -> "f.resolve_sla";
                case "fulfil" -> "f.fulfil_sla";
                default -> throw InvalidInput.field("late", "must be acknowledge, resolve or fulfil");
            };
            where.append(" and ").append(column).append(" = 'LATE'");
        }
        if (present(firstAnswer)) {
            where.append(switch (firstAnswer.trim()) {
                case "within-an-hour" -> " and f.seconds_to_acknowledge <= 3600";
                case "within-a-day" -> " and f.seconds_to_acknowledge > 3600 and f.seconds_to_acknowledge <= 86400";
                case "later" -> " and (f.seconds_to_acknowledge is null or f.seconds_to_acknowledge > 86400)";
                default -> throw InvalidInput.field("firstAnswer", "must be within-an-hour, within-a-day or later");
            });
        }
        if (present(apology)) {
            where.append(" and f.apologized = ?");
            params.add(yesOrNo("apology", apology));
        }
        if (present(reopened)) {
            where.append(yesOrNo("reopened", reopened) ? " and f.reopened > 0" : " and f.reopened = 0");
        }
        if (present(confirmed)) {
            where.append(yesOrNo("confirmed", confirmed) ? " and f.confirmed" : " and not f.confirmed");
        }
        if (present(remedy)) {
            where.append(yesOrNo("remedy", remedy) ? " and f.remedied" : " and not f.remedied");
        }
        return new Condition(period, where.toString(), params);
    }

    record Condition(Period period, String where, List<Object> params) {}

    boolean closed() {
        if (!present(counted) || counted.trim().equals("opened")) {
            return false;
        }
        if (counted.trim().equals("closed")) {
            return true;
        }
        throw InvalidInput.field("counted", "must be opened or closed");
    }

    /** The same cases, on another page. */
    CaseDrill onPage(long number) {
        return new CaseDrill(from, to, team, counted, outcome, cause, category, channel, severity, tier, assignee, late,
            firstAnswer, apology, reopened, confirmed, remedy, String.valueOf(number));
    }

    int pageNumber() {
        int number = present(page) ? number("page", page) : 1;
        if (number < 1 || number > MAX_PAGE) {
            throw InvalidInput.field("page", "must be from 1 to " + MAX_PAGE);
        }
        return number;
    }

    /** The filters given, as URL parameters (for the next page and the CSV link). */
    Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>();
        put(all, "from", from);
        put(all, "to", to);
        put(all, "team", team);
        put(all, "counted", counted);
        put(all, "outcome", outcome);
        put(all, "cause", cause);
        put(all, "category", category);
        put(all, "channel", channel);
        put(all, "severity", severity);
        put(all, "tier", tier);
        put(all, "assignee", assignee);
        put(all, "late", late);
        put(all, "firstAnswer", firstAnswer);
        put(all, "apology", apology);
        put(all, "reopened", reopened);
        put(all, "confirmed", confirmed);
        put(all, "remedy", remedy);
        return all;
    }

    /** The filters as a query string ({@code ?from=…&team=…}), on the given page (none for the first). */
    String query(int onPage) {
        org.springframework.web.util.UriComponentsBuilder query = org.springframework.web.util.UriComponentsBuilder.newInstance();
        parameters().forEach(query::queryParam);
        if (onPage > 1) {
            query.queryParam("page", onPage);
        }
        return query.encode().build().toUriString();
    }

    private static void put(Map<String, String> all, String name, @Nullable String value) {
        if (present(value)) {
            all.put(name, value.trim());
        }
    }

    private static void code(StringBuilder where, List<Object> params, String column, String field, @Nullable String value) {
        if (!present(value)) {
            return;
        }
        String code = value.trim().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw InvalidInput.field(field, "'" + value + "' is not a code");
        }
        where.append(" and ").append(column).append(" = ?");
        params.add(code);
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + value + "' is not a number");
        }
    }

    private static boolean yesOrNo(String field, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field(field, "must be true or false");
        };
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
