package org.redress.sla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.redress.identity.RedressUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "SLA", description = "Time targets by severity, channel and customer tier, counted in business hours (admins change them).")
class SlaApiController {

    private final SlaManagement sla;

    SlaApiController(SlaManagement sla) {
        this.sla = sla;
    }

    @Schema(name = "SlaPolicy", description = "Time targets for the cases that match; the most specific matching policy applies.")
    record PolicyView(
        @Schema(description = "Identifier.") long id,
        @Schema(description = "Name.", example = "VIP email") String name,
        @Schema(description = "Severity 1–4 it applies to; null for any.") @Nullable Integer severity,
        @Schema(description = "Channel code it applies to; null for any.") @Nullable String channel,
        @Schema(description = "Customer tier it applies to; null for any.") @Nullable String tier,
        @Schema(description = "Minutes to the first answer.") int acknowledgeMinutes,
        @Schema(description = "Minutes to an agreed resolution.") int resolveMinutes,
        @Schema(description = "Minutes to deliver the resolution.") int fulfilMinutes,
        @Schema(description = "Minutes after fulfilment to follow up.") int followUpMinutes,
        @Schema(description = "Warn when this share (%) of a target has passed.") int warnAtPercent,
        @Schema(description = "Calendar whose business hours the targets count; null for around the clock.") @Nullable Long calendarId,
        @Schema(description = "Team whose queue takes a case that misses a target; null to leave it where it is.") @Nullable Long escalationTeamId,
        @Schema(description = "User a case that misses a target is handed to; null to leave it with its assignee.") @Nullable Long escalationAssigneeId,
        @Schema(description = "Whether the leads of the case's team (and of the escalation team) are alerted when a target is missed.") boolean escalationNotifyLeads,
        @Schema(description = "Whether a missed target raises the case's severity by one level (S3 becomes S2).") boolean escalationRaiseSeverity) {

        static PolicyView of(SlaPolicy p) {
            return new PolicyView(p.id() == null ? 0 : p.id(), p.name(), p.severity(), p.channel(), p.tier(),
                p.acknowledgeMinutes(), p.resolveMinutes(), p.fulfilMinutes(), p.followUpMinutes(), p.warnAtPercent(),
                p.calendarId(), p.escalationTeamId(), p.escalationAssigneeId(), p.escalationNotifyLeads(),
                p.escalationRaiseSeverity());
        }
    }

    @Schema(name = "SlaPolicyDefinition", description = "A policy to create or replace.")
    record PolicyRequest(
        @Schema(description = "Name.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(description = "Severity 1–4, or null for any.") @Nullable Integer severity,
        @Schema(description = "Channel code (email, phone, web, chat, social, review, survey, in-person, proactive), or null for any.") @Nullable String channel,
        @Schema(description = "A configured customer tier (default: standard, premium, vip), or null for any.") @Nullable String tier,
        @Schema(description = "Minutes to the first answer (> 0); business minutes when the policy has a calendar.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer acknowledgeMinutes,
        @Schema(description = "Minutes to an agreed resolution (> 0).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer resolveMinutes,
        @Schema(description = "Minutes to deliver the resolution (> 0).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer fulfilMinutes,
        @Schema(description = "Minutes after fulfilment to follow up (> 0).", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Integer followUpMinutes,
        @Schema(description = "Warn at this share (%) of a target, 1–99; default 80.") @Nullable Integer warnAtPercent,
        @Schema(description = "Calendar id, or null for around the clock.") @Nullable Long calendarId,
        @Schema(description = "Team id whose queue takes a case that misses a target, or null.") @Nullable Long escalationTeamId,
        @Schema(description = "User id a case that misses a target is handed to, or null.") @Nullable Long escalationAssigneeId,
        @Schema(description = "Alert the leads when a target is missed; default true.") @Nullable Boolean escalationNotifyLeads,
        @Schema(description = "Raise the severity by one level when a target is missed; default false.") @Nullable Boolean escalationRaiseSeverity) {

        SlaManagement.PolicyDefinition definition() {
            return new SlaManagement.PolicyDefinition(name, severity, channel, tier, acknowledgeMinutes, resolveMinutes,
                fulfilMinutes, followUpMinutes, warnAtPercent, calendarId, escalationTeamId, escalationAssigneeId,
                escalationNotifyLeads, escalationRaiseSeverity);
        }
    }

    @Schema(name = "SlaCalendar", description = "Business hours: a time zone, opening hours per weekday, holidays.")
    record CalendarView(
        @Schema(description = "Identifier.") long id,
        @Schema(description = "Name, unique.", example = "Madrid office") String name,
        @Schema(description = "IANA time zone.", example = "Europe/Madrid") String timeZone,
        @Schema(description = "Opening hours per weekday, e.g. {\"MONDAY\": [\"09:00-14:00\", \"15:00-18:00\"]}.") Map<String, List<String>> hours,
        @Schema(description = "Closed days (ISO dates).") List<String> holidays) {

        static CalendarView of(SlaCalendar calendar) {
            SlaCalendar.BusinessHoursSpec spec = calendar.spec();
            Map<String, List<String>> hours = new LinkedHashMap<>();
            spec.week().forEach((day, stretches) -> hours.put(day.name(), stretches.stream().map(OpeningHours::toString).toList()));
            return new CalendarView(calendar.id() == null ? 0 : calendar.id(), calendar.name(), calendar.timeZone(), hours,
                spec.holidays().stream().sorted().map(Object::toString).toList());
        }
    }

    @Schema(name = "SlaCalendarDefinition", description = "A calendar to create.")
    record CalendarRequest(
        @Schema(description = "Name, unique.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(description = "IANA time zone, e.g. Europe/Madrid.", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String timeZone,
        @Schema(description = "Weekday to opening hours, e.g. {\"MONDAY\": [\"09:00-17:00\"]}; hours on one day must not overlap.",
            requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Map<String, List<String>> hours,
        @Schema(description = "Closed days, ISO dates.") @Nullable List<String> holidays) {}

    @GetMapping("/policies")
    @Operation(summary = "List SLA policies")
    List<PolicyView> policies() {
        return sla.policies().stream().map(PolicyView::of).toList();
    }

    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an SLA policy (admin)", description = "Every target must be more than zero; all problems are reported at once.")
    @ApiResponse(responseCode = "201", description = "Created.")
    PolicyView create(@RequestBody PolicyRequest body, @AuthenticationPrincipal RedressUser admin) {
        return PolicyView.of(sla.createPolicy(admin, body.definition()));
    }

    @PutMapping("/policies/{id}")
    @Operation(summary = "Replace an SLA policy (admin)")
    PolicyView change(@Parameter(description = "Policy id.") @PathVariable long id, @RequestBody PolicyRequest body,
                      @AuthenticationPrincipal RedressUser admin) {
        return PolicyView.of(sla.changePolicy(admin, id, body.definition()));
    }

    @DeleteMapping("/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an SLA policy (admin)", description = "The last policy that matches every case cannot be deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    void delete(@Parameter(description = "Policy id.") @PathVariable long id, @AuthenticationPrincipal RedressUser admin) {
        sla.deletePolicy(admin, id);
    }

    @GetMapping("/calendars")
    @Operation(summary = "List business-hours calendars")
    List<CalendarView> calendars() {
        return sla.calendars().stream().map(CalendarView::of).toList();
    }

    @PostMapping("/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a business-hours calendar (admin)", description = "Refuses an unknown time zone, malformed or overlapping hours.")
    @ApiResponse(responseCode = "201", description = "Created.")
    CalendarView createCalendar(@RequestBody CalendarRequest body, @AuthenticationPrincipal RedressUser admin) {
        return CalendarView.of(sla.createCalendar(admin, new SlaManagement.CalendarDefinition(body.name(), body.timeZone(),
            body.hours(), body.holidays())));
    }
}
