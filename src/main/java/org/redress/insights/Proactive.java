package org.redress.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.redress.platform.ReportReads;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Going to customers before they come to us: the incident funnel (customers affected by the
 * incidents declared in the period, told, who opened their notice, answered it, had a case,
 * and were recovered), the outreach cases opened for silent customers at risk and how they
 * ended, and the iceberg week by week. Read from the incidents' tables and the case facts at
 * request time, and from the iceberg's daily record ({@link IcebergHistory}).
 */
@Service
@ReportReads
public class Proactive {

    @Schema(name = "IncidentFunnel", description = "Customers of the incidents declared in the period, step by step.")
    public record Funnel(@Schema(description = "Incidents declared in the period.") long incidents,
                         @Schema(description = "Customers affected.") long affected,
                         @Schema(description = "Told: their notice reached the mail server.") long notified,
                         @Schema(description = "Their notice could not be delivered.") long failed,
                         @Schema(description = "Opened the notice's page.") long opened,
                         @Schema(description = "Answered on it (\"this affected me\").") long replied,
                         @Schema(description = "Had a case linked to the incident.") long cases,
                         @Schema(description = "Whose linked case closed as recovered.") long recovered) {}

    @Schema(name = "OutreachCases", description = "Cases Redress opened to reach out to silent customers at risk.")
    public record Outreach(@Schema(description = "Opened in the period.") long opened,
                           @Schema(description = "Of them, closed as recovered.") long recovered,
                           @Schema(description = "Closed as not recovered.") long notRecovered,
                           @Schema(description = "Still open.") long open) {}

    @Schema(name = "IcebergWeek", description = "The iceberg at the end of one week: the 7 days up to its last recorded day.")
    public record IcebergWeek(@Schema(description = "The day it was counted for.") LocalDate day,
                              @Schema(description = "Customers who opened a case themselves.") long complained,
                              @Schema(description = "Customers with negative signals who did not complain: the hidden part.") long silent,
                              @Schema(description = "Outreach cases opened.") long outreach) {}

    @Schema(name = "Proactive", description = "The incident funnel, outreach to silent customers, and the iceberg over time.")
    public record Report(@Schema(description = "The period.") Period period,
                         @Schema(description = "Only this team's outreach cases; incidents are the whole business's.") @Nullable Long team,
                         @Schema(description = "The incident funnel.") Funnel incidents,
                         @Schema(description = "Outreach cases for silent customers.") Outreach outreach,
                         @Schema(description = "The iceberg week by week, oldest first; only days it was recorded.") List<IcebergWeek> iceberg,
                         @Schema(description = "When the facts were last refreshed.") @Nullable Instant asOf) {}

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Proactive(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Report of(Period period, @Nullable Long teamId) {
        Map<String, Object> params = period.bounds(zone);
        Funnel funnel = jdbc.sql("""
                select count(distinct i.id) incidents, count(ic.id) affected, count(ic.sent_at) notified,
                       count(ic.failed_at) failed, count(ic.opened_at) opened, count(ic.replied_at) replied,
                       count(ic.case_id) cases, count(ic.recovered_at) recovered
                from incidents i left join incident_customers ic on ic.incident_id = i.id
                where i.declared_at >= :start and i.declared_at < :end""")
            .params(params)
            .query((rs, n) -> new Funnel(rs.getLong("incidents"), rs.getLong("affected"), rs.getLong("notified"),
                rs.getLong("failed"), rs.getLong("opened"), rs.getLong("replied"), rs.getLong("cases"), rs.getLong("recovered")))
            .single();
        // Proactive cases not linked to an incident are the silent customers' outreach.
        Outreach outreach = jdbc.sql("select count(*) opened, count(case when f.outcome = 'RECOVERED' then 1 end) recovered,"
                + " count(case when f.outcome = 'NOT_RECOVERED' then 1 end) not_recovered,"
                + " count(case when f.closed_at is null then 1 end) still_open"
                + " from insight_case_facts f where f.channel = 'PROACTIVE' and f.opened_at >= :start and f.opened_at < :end"
                + " and not exists (select 1 from incident_customers ic where ic.case_id = f.case_id)" + RecoverySummary.onTeam(teamId))
            .params(params)
            .query((rs, n) -> new Outreach(rs.getLong("opened"), rs.getLong("recovered"), rs.getLong("not_recovered"),
                rs.getLong("still_open")))
            .single();
        return new Report(period, teamId, funnel, outreach, iceberg(period), RecoverySummary.asOf(jdbc));
    }

    // The last recorded day of each week (counted back from the period's last day), oldest first.
    private List<IcebergWeek> iceberg(Period period) {
        List<IcebergWeek> days = jdbc.sql("select counted_on, complained, silent, outreach from insight_iceberg_days"
                + " where counted_on >= ? and counted_on <= ? order by counted_on desc")
            .params(java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.to()))
            .query((rs, n) -> new IcebergWeek(rs.getObject("counted_on", LocalDate.class), rs.getLong("complained"), rs.getLong("silent"),
                rs.getLong("outreach")))
            .list();
        List<IcebergWeek> weeks = new ArrayList<>();
        long lastWeek = -1;
        for (IcebergWeek day : days) {
            long week = ChronoUnit.DAYS.between(day.day(), period.to()) / 7;
            if (week != lastWeek) {
                weeks.add(0, day);
                lastWeek = week;
            }
        }
        return weeks;
    }
}
