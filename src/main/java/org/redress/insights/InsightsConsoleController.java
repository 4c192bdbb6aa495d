package org.redress.insights;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

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

import jakarta.servlet.http.HttpServletResponse;

/** The Insights page: a period's speed and outcomes beside the period before, per team, and who stayed after. */
@Controller
class InsightsConsoleController {

    private final RecoverySummary summary;
    private final Retention retention;
    private final Goodwill goodwill;
    private final WhatRecovers whatRecovers;
    private final Causes causes;
    private final Satisfaction satisfaction;
    private final CaseExport export;
    private final UserManagement users;
    private final ZoneId zone;
    private final Clock clock;

    InsightsConsoleController(RecoverySummary summary, Retention retention, Goodwill goodwill, WhatRecovers whatRecovers,
                              Causes causes, Satisfaction satisfaction, CaseExport export, UserManagement users,
                              ZoneId businessZone, Clock clock) {
        this.summary = summary;
        this.retention = retention;
        this.goodwill = goodwill;
        this.whatRecovers = whatRecovers;
        this.causes = causes;
        this.satisfaction = satisfaction;
        this.export = export;
        this.users = users;
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                @RequestParam(required = false) @Nullable String team, @AuthenticationPrincipal RedressUser me, Model model) {
        InsightsApiController.requireSupervisor(me);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Period period = Period.parse(null, null, today);
        Long teamId = null;
        // A bad date or team (a hand-edited URL) is said above the form; the page shows the defaults.
        try {
            period = Period.parse(from, to, today);
            teamId = team == null || team.isBlank() ? null : Long.valueOf(team.trim());
        } catch (InvalidInput refused) {
            model.addAttribute("error", refused.getMessage());
        } catch (NumberFormatException notANumber) {
            model.addAttribute("error", "team: '" + team + "' is not a team's id");
        }
        model.addAttribute("section", "insights");
        model.addAttribute("summary", summary.of(period, teamId));
        model.addAttribute("team", teamId);
        model.addAttribute("teams", users.teams());
        model.addAttribute("last7", new Period(today.minusDays(6), today));
        model.addAttribute("last30", new Period(today.minusDays(29), today));
        model.addAttribute("last90", new Period(today.minusDays(89), today));
        return "insights/summary";
    }

    /** "Do customers stay?", loaded after the page: it reads business events, which take longest to count. */
    @GetMapping("/insights/retention")
    String retention(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                     @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("retention", () -> retention.of(period(from, to), team), me, model);
    }

    /** "Goodwill", loaded after the page. */
    @GetMapping("/insights/goodwill")
    String goodwill(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                    @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("goodwill", () -> goodwill.of(period(from, to), team), me, model);
    }

    /** "What recovers customers here", loaded after the page. */
    @GetMapping("/insights/what-recovers")
    String whatRecovers(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                        @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("whatRecovers", () -> whatRecovers.of(period(from, to), team), me, model);
    }

    /** "Why customers complain", loaded after the page. */
    @GetMapping("/insights/causes")
    String causes(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                  @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("causes", () -> causes.of(period(from, to), team), me, model);
    }

    /** "How satisfied after recovery", loaded after the page. */
    @GetMapping("/insights/satisfaction")
    String satisfaction(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                        @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me, Model model) {
        return section("satisfaction", () -> satisfaction.of(period(from, to), team), me, model);
    }

    // A section that could not be counted in time says so in its place; the rest of the page stands.
    private String section(String name, Supplier<Object> figures, RedressUser me, Model model) {
        InsightsApiController.requireSupervisor(me);
        try {
            model.addAttribute(name, figures.get());
        } catch (DataAccessException tooSlow) {
            model.addAttribute("failed", "These figures could not be counted in time. Try a shorter period or a team.");
        }
        return "insights/summary :: " + name;
    }

    private Period period(@Nullable String from, @Nullable String to) {
        return Period.parse(from, to, LocalDate.now(clock.withZone(zone)));
    }

    /** The page's cases as CSV (the link beside the period); a bad period is refused as on the API. */
    @GetMapping("/insights/cases.csv")
    void casesCsv(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                  @RequestParam(required = false) @Nullable Long team, @AuthenticationPrincipal RedressUser me,
                  HttpServletResponse response) throws IOException {
        InsightsApiController.requireSupervisor(me);
        export.download(period(from, to), team, response);
    }
}
