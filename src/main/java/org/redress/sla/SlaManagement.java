package org.redress.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.cases.Channel;
import org.redress.customers.CustomerManagement;
import org.redress.identity.RedressUser;
import org.redress.identity.UserManagement;
import org.redress.identity.UserSummary;
import org.redress.identity.Role;
import org.redress.shared.Checks;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SLA policies and business-hours calendars: admins define them; {@link #policyFor}
 * picks the policy for a case (the most specific match of severity, channel and tier).
 * Every definition is checked in full before anything is saved.
 */
@Service
@Transactional
public class SlaManagement {

    static final int MAX_TARGET_MINUTES = 366 * 24 * 60;
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);
    private static final BusinessHours ALWAYS = BusinessHours.always(ZoneId.of("UTC"));

    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final AuditTrail audit;
    private final UserManagement users;
    private final CustomerManagement customers;
    private final Clock clock;
    private volatile @Nullable Definitions cached;

    SlaManagement(SlaPolicies policies, SlaCalendars calendars, AuditTrail audit, UserManagement users,
                  CustomerManagement customers, Clock clock) {
        this.customers = customers;
        this.policies = policies;
        this.users = users;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    /** A calendar as given: weekday names to lists of {@code 09:00-17:00}, holidays as ISO dates. */
    public record CalendarDefinition(@Nullable String name, @Nullable String timeZone,
                                     @Nullable Map<String, List<String>> hours, @Nullable List<String> holidays) {}

    /** A policy as given; null severity, channel or tier match any. */
    public record PolicyDefinition(@Nullable String name, @Nullable Integer severity, @Nullable String channel,
                                   @Nullable String tier, @Nullable Integer acknowledgeMinutes,
                                   @Nullable Integer resolveMinutes, @Nullable Integer fulfilMinutes,
                                   @Nullable Integer followUpMinutes, @Nullable Integer warnAtPercent,
                                   @Nullable Long calendarId, @Nullable Long escalationTeamId,
                                   @Nullable Long escalationAssigneeId, @Nullable Boolean escalationNotifyLeads,
                                   @Nullable Boolean escalationRaiseSeverity) {}

    public SlaCalendar createCalendar(RedressUser by, CalendarDefinition definition) {
        requireAdmin(by);
        Checks checks = new Checks();
        String name = checks.check(() -> Text.required("name", definition.name(), 100).trim());
        ZoneId zone = checks.check(() -> zone(definition.timeZone()));
        Map<DayOfWeek, List<OpeningHours>> week = checks.check(() -> week(definition.hours()));
        Set<LocalDate> holidays = checks.check(() -> holidays(definition.holidays()));
        checks.verify();
        SlaCalendar.BusinessHoursSpec spec = new SlaCalendar.BusinessHoursSpec(zone, week, holidays);
        spec.businessHours();
        if (calendars.existsByName(name)) {
            throw new Conflict("A calendar named " + name + " already exists.");
        }
        SlaCalendar saved = calendars.save(SlaCalendar.of(name, spec, clock.instant()));
        forgetAfterCommit();
        audit.record(by.actor(), "sla.calendar-created", "sla-calendar:" + saved.id(), name + " (" + zone + ")");
        return saved;
    }

    public SlaPolicy createPolicy(RedressUser by, PolicyDefinition definition) {
        requireAdmin(by);
        SlaPolicy checked = checked(null, definition, 0);
        SlaPolicy saved = policies.save(checked);
        forgetAfterCommit();
        audit.record(by.actor(), "sla.policy-created", "sla-policy:" + saved.id(), describe(saved));
        return saved;
    }

    public SlaPolicy changePolicy(RedressUser by, long id, PolicyDefinition definition) {
        requireAdmin(by);
        SlaPolicy existing = policies.findById(id).orElseThrow(() -> new NotFound("There is no SLA policy " + id + "."));
        SlaPolicy saved = policies.save(checked(existing, definition, existing.version()));
        forgetAfterCommit();
        audit.record(by.actor(), "sla.policy-changed", "sla-policy:" + id, describe(saved));
        return saved;
    }

    public void deletePolicy(RedressUser by, long id) {
        requireAdmin(by);
        SlaPolicy existing = policies.findById(id).orElseThrow(() -> new NotFound("There is no SLA policy " + id + "."));
        boolean lastCatchAll = existing.specificity() == 0
            && policies.findAll().stream().filter(policy -> policy.specificity() == 0).count() == 1;
        if (lastCatchAll) {
            throw new Conflict("This is the only policy that matches every case; change it instead of deleting it.");
        }
        policies.delete(existing);
        forgetAfterCommit();
        audit.record(by.actor(), "sla.policy-deleted", "sla-policy:" + id, existing.name());
    }

    @Transactional(readOnly = true)
    public List<SlaPolicy> policies() {
        return policies.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public List<SlaCalendar> calendars() {
        return calendars.findAllByOrderByNameAsc();
    }

    /** The policy for a case: the most specific match; among equals, the oldest. */
    @Transactional(readOnly = true)
    public SlaPolicy policyFor(int severity, String channel, String tier) {
        return definitions().policies().stream()
            .filter(policy -> policy.matches(severity, channel, tier))
            .max(Comparator.comparingInt(SlaPolicy::specificity).thenComparing(policy -> -policy.id()))
            .orElseThrow(() -> new IllegalStateException("no SLA policy matches; the catch-all policy is missing"));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SlaPolicy> policy(long id) {
        return definitions().policies().stream().filter(policy -> policy.id() == id).findFirst();
    }

    /** The calendar a policy counts in: its business hours, or around the clock. */
    @Transactional(readOnly = true)
    public BusinessHours hoursOf(SlaPolicy policy) {
        BusinessHours hours = policy.calendarId() == null ? null : definitions().calendars().get(policy.calendarId());
        return hours == null ? ALWAYS : hours;
    }

    // Every new case and every timed step asks for its policy; definitions change rarely.
    // A short-lived copy spares the queries; other nodes see an admin's change within seconds.
    private Definitions definitions() {
        Definitions cached = this.cached;
        Instant now = clock.instant();
        if (cached == null || cached.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            Map<Long, BusinessHours> hours = new java.util.HashMap<>();
            calendars.findAll().forEach(calendar -> hours.put(calendar.id(), calendar.businessHours()));
            cached = new Definitions(List.copyOf(policies.findAllByOrderByIdAsc()), Map.copyOf(hours), now);
            this.cached = cached;
        }
        return cached;
    }

    private record Definitions(List<SlaPolicy> policies, Map<Long, BusinessHours> calendars, Instant loadedAt) {}

    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cached = null;
                }
            });
        } else {
            cached = null;
        }
    }

    private SlaPolicy checked(@Nullable SlaPolicy existing, PolicyDefinition d, int version) {
        Checks checks = new Checks();
        String name = checks.check(() -> Text.required("name", d.name(), 100).trim());
        Integer severity = checks.check(() -> {
            if (d.severity() != null && (d.severity() < 1 || d.severity() > 4)) {
                throw InvalidInput.field("severity", "must be from 1 to 4, or left out to match any");
            }
            return d.severity();
        });
        String channel = checks.check(() -> d.channel() == null || d.channel().isBlank() ? null
            : Channel.parse("channel", d.channel()).code());
        // A tier that no customer can have would make a policy that never applies.
        String tier = checks.check(() -> Text.optional("tier", d.tier(), 40) == null ? null
            : customers.requireTier("tier", d.tier()));
        Integer acknowledge = checks.check(() -> minutes("acknowledgeMinutes", d.acknowledgeMinutes()));
        Integer resolve = checks.check(() -> minutes("resolveMinutes", d.resolveMinutes()));
        Integer fulfil = checks.check(() -> minutes("fulfilMinutes", d.fulfilMinutes()));
        Integer followUp = checks.check(() -> minutes("followUpMinutes", d.followUpMinutes()));
        Integer warnAt = checks.check(() -> {
            int value = d.warnAtPercent() == null ? 80 : d.warnAtPercent();
            if (value < 1 || value > 99) {
                throw InvalidInput.field("warnAtPercent", "must be from 1 to 99 (the share of the target after which to warn)");
            }
            return value;
        });
        Long calendarId = checks.check(() -> {
            if (d.calendarId() != null && !calendars.existsById(d.calendarId())) {
                throw InvalidInput.field("calendarId", "there is no calendar with id " + d.calendarId());
            }
            return d.calendarId();
        });
        Long escalationTeamId = checks.check(() -> {
            if (d.escalationTeamId() != null && users.team(d.escalationTeamId()).isEmpty()) {
                throw InvalidInput.field("escalationTeamId", "there is no team with id " + d.escalationTeamId());
            }
            return d.escalationTeamId();
        });
        Long escalationAssigneeId = checks.check(() -> {
            Long id = d.escalationAssigneeId();
            if (id != null && users.user(id).filter(UserSummary::active).isEmpty()) {
                throw InvalidInput.field("escalationAssigneeId", "there is no active user with id " + id);
            }
            return id;
        });
        checks.verify();
        return new SlaPolicy(existing == null ? null : existing.id(), name, severity, channel, tier, acknowledge, resolve,
            fulfil, followUp, warnAt, calendarId, escalationTeamId, escalationAssigneeId,
            d.escalationNotifyLeads() == null || d.escalationNotifyLeads(), Boolean.TRUE.equals(d.escalationRaiseSeverity()),
            existing == null ? clock.instant() : existing.createdAt(),
            version);
    }

    private static int minutes(String field, @Nullable Integer value) {
        if (value == null) {
            throw InvalidInput.field(field, "is required");
        }
        if (value <= 0) {
            throw InvalidInput.field(field, "must be more than zero minutes");
        }
        if (value > MAX_TARGET_MINUTES) {
            throw InvalidInput.field(field, "must be at most a year (" + MAX_TARGET_MINUTES + " minutes)");
        }
        return value;
    }

    private static ZoneId zone(@Nullable String value) {
        String text = Text.required("timeZone", value, 60).trim();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw InvalidInput.field("timeZone", "'" + text + "' is not a time zone; use a name such as Europe/Madrid");
        }
    }

    private static Map<DayOfWeek, List<OpeningHours>> week(@Nullable Map<String, List<String>> hours) {
        if (hours == null || hours.isEmpty()) {
            throw InvalidInput.field("hours", "is required: opening hours per weekday, e.g. {\"MONDAY\": [\"09:00-17:00\"]}");
        }
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> day : hours.entrySet()) {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("hours", "'" + day.getKey() + "' is not a weekday (MONDAY … SUNDAY)");
            }
            List<OpeningHours> stretches = new ArrayList<>();
            for (String stretch : day.getValue() == null ? List.<String>of() : day.getValue()) {
                stretches.add(OpeningHours.parse(stretch));
            }
            week.put(weekday, stretches);
        }
        new BusinessHours(ZoneId.of("UTC"), week, Set.of());
        return week;
    }

    private static Set<LocalDate> holidays(@Nullable List<String> holidays) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (String day : holidays == null ? List.<String>of() : holidays) {
            try {
                days.add(LocalDate.parse(day.trim()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw InvalidInput.field("holidays", "'" + day + "' is not a date (YYYY-MM-DD)");
            }
        }
        return days;
    }

    private static String describe(SlaPolicy policy) {
        return policy.name() + ": acknowledge " + policy.acknowledgeMinutes() + " min, resolve " + policy.resolveMinutes()
            + " min, fulfil " + policy.fulfilMinutes() + " min, follow up after " + policy.followUpMinutes() + " min";
    }

    private static void requireAdmin(RedressUser by) {
        if (by.role() != Role.ADMIN) {
            throw new Forbidden("Only admins change SLA policies and calendars.");
        }
    }
}
