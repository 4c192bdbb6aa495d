package org.redress.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.shared.InvalidInput;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** The Insights page: a period's speed and outcomes beside the period before, per team, and who stayed after. */
@Controller
class InsightsConsoleController {

    private final RecoverySummary summary;
    private final Retention retention;
    private final Goodwill goodwill;
    private final WhatRecovers whatRecovers;
    private final Causes causes;
    private final Satisfaction satisfaction;
    private final PromisesKept promises;
    private final ActionEffects lessons;
    private final Wins wins;
    private final Proactive proactive;
    private final UserManagement users;
    private final ZoneId zone;
    private final Clock clock;

    InsightsConsoleController(RecoverySummary summary, Retention retention, Goodwill goodwill, WhatRecovers whatRecovers,
                              Causes causes, Satisfaction satisfaction, PromisesKept promises, ActionEffects lessons, Wins wins, Proactive proactive,
                              UserManagement users, ZoneId businessZone, Clock clock) {
        this.summary = summary;
        this.retention = retention;
        this.goodwill = goodwill;
        this.whatRecovers = whatRecovers;
        this.causes = causes;
        this.satisfaction = satisfaction;
        this.promises = promises;
        this.lessons = lessons;
        this.wins = wins;
        this.proactive = proactive;
        this.users = users;
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String page(ReportQuery query, @RequestParam(required = false) @Nullable String by, @AuthenticationPrincipal RedressUser me,
                Model model) {
        InsightsApiController.requireSupervisor(me);
        LocalDate today = today();
        Period period = Period.parse(null, null, today);
        Long teamId = null;
        Breakdown breakdown = Breakdown.TEAM;
        // A bad date, team or breakdown (a hand-edited URL) is said above the form; the page shows the defaults.
        try {
            period = query.period(today);
            teamId = query.teamId();
            breakdown = Breakdown.parse(by);
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
        }
        model.addAttribute("section", "insights");
        model.addAttribute("summary", summary.of(period, teamId, breakdown));
        model.addAttribute("breakdowns", Breakdown.values());
        model.addAttribute("drills", drills(period, teamId, breakdown));
        model.addAttribute("team", teamId);
        model.addAttribute("teams", users.teams());
        model.addAttribute("last7", new Period(today.minusDays(6), today));
        model.addAttribute("last30", new Period(today.minusDays(29), today));
        model.addAttribute("last90", new Period(today.minusDays(89), today));
        return "insights/summary";
    }

    /** "Do customers stay?", loaded after the page: it reads business events, which take longest to count. */
    @GetMapping("/insights/retention")
    String retention(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("retention", query, me, model, retention::of);
    }

    /** "Goodwill", loaded after the page. */
    @GetMapping("/insights/goodwill")
    String goodwill(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("goodwill", query, me, model, goodwill::of);
    }

    /** "What recovers customers here", loaded after the page. */
    @GetMapping("/insights/what-recovers")
    String whatRecovers(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("whatRecovers", query, me, model, whatRecovers::of);
    }

    /** "Why customers complain", loaded after the page. */
    @GetMapping("/insights/causes")
    String causes(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("causes", query, me, model, causes::of);
    }

    /** "How satisfied after recovery", loaded after the page. */
    @GetMapping("/insights/satisfaction")
    String satisfaction(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("satisfaction", query, me, model, satisfaction::of);
    }

    /** "Do we keep our word?", loaded after the page. */
    @GetMapping("/insights/promises")
    String promises(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("promises", query, me, model, promises::of);
    }

    /** "Lessons and actions", loaded after the page. */
    @GetMapping("/insights/lessons")
    String lessons(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("lessons", query, me, model, lessons::of);
    }

    /** "Wins to celebrate", loaded after the page. */
    @GetMapping("/insights/wins")
    String wins(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("wins", query, me, model, wins::of);
    }

    /** "Reaching out first", loaded after the page. */
    @GetMapping("/insights/proactive")
    String proactive(ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("proactive", query, me, model, proactive::of);
    }

    // A section that could not be counted in time says so in its place; the rest of the page stands.
    private String section(String name, ReportQuery query, RedressUser me, Model model,
                           BiFunction<Period, @Nullable Long, ?> figures) {
        InsightsApiController.requireSupervisor(me);
        Period period = query.period(today());
        Long teamId = query.teamId();
        try {
            model.addAttribute(name, figures.apply(period, teamId));
        } catch (DataAccessException tooSlow) {
            model.addAttribute("failed", "These figures could not be counted in time. Try a shorter period or a team.");
        }
        return "insights/summary :: " + name;
    }

    // Each breakdown line's cases: the drill-down's filter of the breakdown, over the page's period and team. The shared
    // inbox and customers without a tier have no value to filter on, so their lines link nowhere.
    private static java.util.function.Function<String, @Nullable String> drills(Period period, @Nullable Long teamId, Breakdown by) {
        return key -> {
            if (key.equals("-1") && by == Breakdown.TEAM || key.equals("unknown") && by == Breakdown.TIER) {
                return null;
            }
            org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/insights/cases").queryParam("from", period.from()).queryParam("to", period.to());
            if (teamId != null && by != Breakdown.TEAM) {
                link.queryParam("team", teamId);
            }
            return link.queryParam(by.filter(), key).encode().build().toUriString();
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
