package org.redress.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The Insights page: a period's speed and outcomes beside the period before, broken down as
 * asked, and the sections that load after it ({@link PageSections}).
 */
@Controller
class InsightsConsoleController {

    private final RecoverySummary summary;
    private final PageSections sections;
    private final UserManagement users;
    private final ZoneId zone;
    private final Clock clock;

    InsightsConsoleController(RecoverySummary summary, PageSections sections, UserManagement users, ZoneId businessZone,
                              Clock clock) {
        this.summary = summary;
        this.sections = sections;
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

    /**
     * A section of the page, loaded after it (each reads more than the summary: retention reads
     * business events, which take longest). One that could not be counted in time says so in its
     * place; the rest of the page stands.
     */
    @GetMapping("/insights/{name:[a-z-]+}")
    String section(@PathVariable String name, ReportQuery query, @AuthenticationPrincipal RedressUser me, Model model) {
        InsightsApiController.requireSupervisor(me);
        PageSections.Section section = sections.named(name)
            .orElseThrow(() -> new NotFound("The Insights page has no section '" + name + "'."));
        Period period = query.period(today());
        Long teamId = query.teamId();
        try {
            model.addAttribute(section.fragment(), section.report().apply(period, teamId));
        } catch (DataAccessException tooSlow) {
            model.addAttribute("failed", "These figures could not be counted in time. Try a shorter period or a team.");
        }
        return "insights/summary :: " + section.fragment();
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
