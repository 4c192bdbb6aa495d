package org.redress.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A named business-hours calendar as stored: hours as {@code MONDAY=09:00-17:00,18:00-20:00;…}, holidays as ISO dates. */
@Table("sla_calendars")
record SlaCalendar(@Id @Nullable Long id, String name, String timeZone, String hours, String holidays, Instant createdAt,
                   @Version int version) {

    static SlaCalendar of(String name, BusinessHoursSpec spec, Instant now) {
        return new SlaCalendar(null, name, spec.zone().getId(), spec.hoursText(), spec.holidaysText(), now, 0);
    }

    BusinessHours businessHours() {
        return spec().businessHours();
    }

    BusinessHoursSpec spec() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (String day : hours.split(";")) {
            if (day.isBlank()) {
                continue;
            }
            String[] parts = day.split("=", 2);
            List<OpeningHours> stretches = new ArrayList<>();
            for (String stretch : parts[1].split(",")) {
                stretches.add(OpeningHours.parse(stretch));
            }
            week.put(DayOfWeek.valueOf(parts[0]), stretches);
        }
        Set<LocalDate> days = holidays.isBlank() ? Set.of()
            : Arrays.stream(holidays.split(",")).map(LocalDate::parse).collect(Collectors.toCollection(LinkedHashSet::new));
        return new BusinessHoursSpec(ZoneId.of(timeZone), week, days);
    }

    /** A calendar's definition, checked: building it validates the hours. */
    record BusinessHoursSpec(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {

        BusinessHours businessHours() {
            return new BusinessHours(zone, week, holidays);
        }

        String hoursText() {
            return week.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().name() + "=" + e.getValue().stream()
                    .map(h -> h.from() + "-" + h.to()).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        }

        String holidaysText() {
            return holidays.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
        }
    }
}
