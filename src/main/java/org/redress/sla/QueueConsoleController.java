package org.redress.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.cases.CaseCategories;
import org.redress.cases.CaseStatus;
import org.redress.cases.Channel;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's queue: tabs with their counters, filters kept in the URL, soonest due first,
 * fifty cases a page; and "take next".
 */
@Controller
class QueueConsoleController {

    // Public, as the template's compiled expressions call them directly (reflection otherwise).
    public record Tab(String label, @Nullable Long count, String href, boolean active) {}

    public record Option(String value, String label) {}

    private final CaseQueue queue;
    private final TakeNext takeNext;
    private final UserManagement users;
    private final CaseCategories categories;
    private final Clock clock;

    QueueConsoleController(CaseQueue queue, TakeNext takeNext, UserManagement users, CaseCategories categories, Clock clock) {
        this.clock = clock;
        this.queue = queue;
        this.takeNext = takeNext;
        this.users = users;
        this.categories = categories;
    }

    @GetMapping("/cases")
    String queue(@RequestParam Map<String, String> params, @AuthenticationPrincipal RedressUser me, Model model) {
        fill(params, me, model);
        return "sla/queue";
    }

    /**
     * The queue's rows again, if a case the person may open changed since the page showed them
     * (the page asks every 10 s); otherwise 204 and the page stays as it is. Cheap: an index
     * range over recent changes.
     */
    @GetMapping("/cases/rows")
    @Nullable String rows(@RequestParam Map<String, String> params, @RequestParam long since,
                          @AuthenticationPrincipal RedressUser me, Model model, HttpServletResponse response) {
        if (!queue.changedSince(Instant.ofEpochMilli(since), me)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        fill(params, me, model);
        return "sla/queue :: rows";
    }

    private void fill(Map<String, String> params, RedressUser me, Model model) {
        CaseQueue.Counts counts = queue.counts(me);
        QueueQuery query = QueueQuery.from(params, counts.mine() > 0 ? QueueQuery.View.MINE : QueueQuery.View.OPEN);
        CaseQueue.Page page = queue.page(query, me);
        model.addAttribute("section", "cases");
        model.addAttribute("query", query);
        model.addAttribute("here", href(query));
        model.addAttribute("counts", counts);
        model.addAttribute("tabs", Arrays.stream(QueueQuery.View.values())
            .map(view -> new Tab(view.label(), count(view, counts, me), href(query.inView(view)), view == query.view())).toList());
        model.addAttribute("cases", page.cases());
        model.addAttribute("previous", query.page() > 1 ? href(query.onPage(query.page() - 1)) : null);
        model.addAttribute("next", page.next() ? href(query.onPage(query.page() + 1)) : null);
        model.addAttribute("byTimeLeft", href(sorted(query, QueueQuery.Sort.TIME_LEFT)));
        model.addAttribute("bySeverity", href(sorted(query, QueueQuery.Sort.SEVERITY)));
        model.addAttribute("clearFilters", href(new QueueQuery(query.view(), null, null, null, null, null, null, false, false,
            query.sort(), 1)));
        model.addAttribute("teams", users.teams().stream().map(t -> new Option(String.valueOf(t.id()), t.name())).toList());
        model.addAttribute("assignees", users.users().stream().filter(u -> u.active() && u.role().person())
            .map(u -> new Option(String.valueOf(u.id()), u.name())).toList());
        model.addAttribute("categories", categories.active());
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(c -> new Option(c.code(), c.label())).toList());
        model.addAttribute("statuses", Arrays.stream(CaseStatus.values())
            .map(s -> new Option(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s.label())).toList());
        model.addAttribute("emptyMessage", query.filtered() ? "No case matches these filters." : switch (query.view()) {
            case MINE -> "No open cases are assigned to you. Take one from Unassigned, or press Take next.";
            case TEAM -> me.teamId() == null ? "You are not in a team." : "Your team has no open cases.";
            case UNASSIGNED -> "Every open case has an owner.";
            case OPEN -> "No open cases. Every customer has been looked after.";
            case CLOSED -> "No closed cases yet.";
        });
        // A change committed a moment before this page was read may carry an earlier time: look back a little.
        long since = clock.instant().minusSeconds(5).toEpochMilli();
        model.addAttribute("poll", href(query).replaceFirst("^/cases", "/cases/rows")
            + (query.parameters().isEmpty() ? "?" : "&") + "since=" + since);
    }

    /** Assigns the person the most urgent case nobody holds, of their team or the shared inbox, and opens it. */
    @PostMapping("/cases/take-next")
    String takeNext(@AuthenticationPrincipal RedressUser me, RedirectAttributes redirect) {
        return takeNext.take(me)
            .map(taken -> {
                redirect.addFlashAttribute("done", "You took " + taken.number() + ": it was the most urgent case nobody held.");
                return "redirect:/cases/" + taken.number();
            })
            .orElseGet(() -> {
                redirect.addFlashAttribute("error", "No open case is waiting without an owner in your team's queue or the shared inbox.");
                return "redirect:/cases?queue=mine";
            });
    }

    private static @Nullable Long count(QueueQuery.View view, CaseQueue.Counts counts, RedressUser me) {
        return switch (view) {
            case MINE -> counts.mine();
            case TEAM -> me.teamId() == null ? null : counts.team();
            case UNASSIGNED -> counts.unassigned();
            case OPEN -> counts.open();
            case CLOSED -> null;
        };
    }

    private static QueueQuery sorted(QueueQuery query, QueueQuery.Sort sort) {
        return new QueueQuery(query.view(), query.team(), query.assignee(), query.severity(), query.category(), query.channel(),
            query.status(), query.atRisk(), query.missed(), sort, 1);
    }

    static String href(QueueQuery query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cases");
        query.parameters().forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
