package org.redress.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.redress.shared.Forbidden;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Insights", description = "Whether recoveries work: for leads, managers and admins.")
class InsightsApiController {

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
    private final ZoneId zone;
    private final Clock clock;

    InsightsApiController(RecoverySummary summary, Retention retention, Goodwill goodwill, WhatRecovers whatRecovers,
                          Causes causes, Satisfaction satisfaction, PromisesKept promises, ActionEffects lessons, Wins wins, Proactive proactive,
                          ZoneId businessZone, Clock clock) {
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
        this.zone = businessZone;
        this.clock = clock;
    }

    @GetMapping("/api/v1/insights/summary")
    @Operation(summary = "Speed and outcome of recoveries", description = "For the days from `from` to `to` (default: the "
        + "last 30 days) and the period just before: cases opened, time to acknowledge, to agree and to fulfil (median and "
        + "90th percentile, of the cases opened in the period; read from daily histograms, within 5% of the exact "
        + "percentile), cases closed and the recovery rate (of the cases closed in "
        + "the period), the open backlog now, and all of it broken down by team (or, with `by`, by agent, category, channel, "
        + "severity or customer tier). As fresh as `asOf` (refreshed every 30 s).")
    RecoverySummary.Summary summary(@ParameterObject ReportQuery query,
                                    @Parameter(description = "team (default), agent, category, channel, severity or tier.")
                                    @RequestParam(required = false) @Nullable String by,
                                    @AuthenticationPrincipal RedressUser me) {
        Breakdown breakdown = Breakdown.parse(by);
        return report(query, me, (period, team) -> summary.of(period, team, breakdown));
    }

    @GetMapping("/api/v1/insights/retention")
    @Operation(summary = "Retention after recovery", description = "Of the customers whose case closed in the period (by "
        + "their last close in it), how many were active again (an ORDER_PLACED or SERVICE_VISIT business event) within 30, "
        + "90 and 180 days of the close: for those recovered, those not recovered, and as the baseline the customers active "
        + "in the period with no case open in it (from their first activity in it; always the whole business). A window "
        + "counts only the customers for whom it has fully passed, so a recent period has none yet for the long windows.")
    Retention.Report retention(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, retention::of);
    }

    @GetMapping("/api/v1/insights/goodwill")
    @Operation(summary = "Goodwill and its approvals", description = "Remedies granted in the period (not taken back), their "
        + "total and how much was delivered, per remedy type, category, team and agent (who asked for it), goodwill per case "
        + "closed as recovered in the period, and the approvals asked in the period: granted, refused, waiting, median "
        + "hours to decide.")
    Goodwill.Report goodwill(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, goodwill::of);
    }

    @GetMapping("/api/v1/insights/what-recovers")
    @Operation(summary = "What recovers customers here", description = "The cases closed (recovered or not) in the period, "
        + "split by how soon the first answer came (within an hour, within a day, later or never), whether the customer got "
        + "an apology, and whether they got a remedy (accepted or delivered): for each of the twelve combinations and for "
        + "each practice on its own, how many were recovered (with a 95% Wilson interval) and how many customers were active "
        + "again within 90 days of the close (counted once those 90 days have passed). A group of fewer than 30 cases is "
        + "marked `tooFew`. Closing as recovered requires every playbook step, the apology among them, so without an "
        + "apology the recovery rate is nil by rule: compare retention there.")
    WhatRecovers.Report whatRecovers(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, whatRecovers::of);
    }

    @GetMapping("/api/v1/insights/causes")
    @Operation(summary = "Root causes", description = "The root causes found on the cases opened in the period, most "
        + "frequent first with each one's share and the running share (a Pareto), the count in the period before, our part "
        + "(ours, partly ours, not ours), and how many recurred: the same customer had a case of the same cause opened in "
        + "the 90 days before. Also how many of the period's cases have no cause found yet.")
    Causes.Report causes(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, causes::of);
    }

    @GetMapping("/api/v1/insights/satisfaction")
    @Operation(summary = "Satisfaction after recovery", description = "The recovery survey's answers for the cases closed "
        + "in the period, per scale (CSAT 1–5, NPS 0–10, words only) and per outcome (recovered, not recovered): sent, "
        + "answered, average score, satisfied (4–5, or 9–10) and unhappy (1–2, or 0–6). And the before/after pairs: "
        + "customers who answered an ordinary survey (after business events) on the same scale before their complaint, "
        + "their last such score beside their recovery score, with how many rose, stayed the same or fell.")
    Satisfaction.Report satisfaction(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, satisfaction::of);
    }

    @GetMapping("/api/v1/insights/promises")
    @Operation(summary = "Promises kept", description = "The promises that fell due in the period (what we told customers we "
        + "would do by a date): kept by their due time, kept late, broken, or still open, in all, per owner and per team of "
        + "the case, with the share kept on time.")
    PromisesKept.Report promises(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, promises::of);
    }

    @GetMapping("/api/v1/insights/lessons")
    @Operation(summary = "Lessons and whether their actions worked", description = "The lessons recorded in the period "
        + "(the Learn step) and how many came with an action; actions done and dropped in the period; actions open now and "
        + "overdue. And the latest 20 actions done by the period's end, each with the cases of the same root cause opened in "
        + "the days before it was done against as many days after (up to 90 each side), marked FEWER, ABOUT_THE_SAME or "
        + "MORE, or TOO_EARLY (under 14 days since) or TOO_FEW (under 10 cases) to tell.")
    ActionEffects.Report lessons(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, lessons::of);
    }

    @GetMapping("/api/v1/insights/wins")
    @Operation(summary = "Wins", description = "The cases closed as recovered in the period whose customer confirmed it in the "
        + "recovery survey (4–5 of 5, 9–10 of 10, or words not found negative): in all, per agent who held the case and per "
        + "team, and the latest ten with the customer's words.")
    Wins.Report wins(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, wins::of);
    }

    @GetMapping("/api/v1/insights/proactive")
    @Operation(summary = "Proactive recovery", description = "The incident funnel for the incidents declared in the period "
        + "(customers affected, told, who opened their notice, answered it, had a linked case, were recovered), the outreach "
        + "cases opened for silent customers at risk and how they ended, and the iceberg (customers who complained against "
        + "those with negative signals who did not, over 7 days) at the end of each week of the period, from its daily record.")
    Proactive.Report proactive(@ParameterObject ReportQuery query, @AuthenticationPrincipal RedressUser me) {
        return report(query, me, proactive::of);
    }

    // A report for leads, managers and admins, of the days and team asked for (a bad one is a 400 naming it).
    private <T> T report(ReportQuery query, RedressUser me, BiFunction<Period, @Nullable Long, T> report) {
        requireSupervisor(me);
        return report.apply(query.period(today()), query.teamId());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    static void requireSupervisor(RedressUser me) {
        if (!me.supervises()) {
            throw new Forbidden("Insights are for leads, managers and admins.");
        }
    }
}
