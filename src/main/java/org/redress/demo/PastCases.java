package org.redress.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Plans the demo's past: for each of the last 180 days, the complaints that came in (more
 * on Mondays, fewer at weekends; carrier delays the most until their lesson's action was
 * done three months ago, far fewer after; a payment outage two months ago), from new
 * customers and some who complained before, to the teams by channel. How each case went is
 * {@link CaseCourse}'s part; cases that would still be open now are left to the live demo.
 */
final class PastCases {

    static final int DAYS = 180;
    /** The promises sweep runs every 30 s: a promise past due is broken within that. */
    static final Duration SWEEP = Duration.ofSeconds(20);
    /** When the carrier-delay action was done, and the picking one. */
    static final Duration CARRIER_ACTION_AGO = Duration.ofDays(90);
    static final Duration WAREHOUSE_ACTION_AGO = Duration.ofDays(40);
    private static final Duration OUTAGE_AGO = Duration.ofDays(62);

    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jan",
        "Kira", "Lars", "Marta", "Nils", "Olga", "Paul", "Rosa", "Simon", "Tara", "Umar", "Vera", "Wim", "Yara", "Zoe"};
    private static final String[] LAST = {"Adler", "Berg", "Costa", "Dahl", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova",
        "Jensen", "Klein", "Lind", "Moreau", "Nowak", "Olsen", "Petit", "Quist", "Ruiz", "Silva", "Thomsen", "Weber", "Young"};

    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final List<PastTeam> teams;
    private final CaseCourse course;
    private final List<PastCustomer> customers = new ArrayList<>();

    PastCases(Random random, Instant now, ZoneId zone, List<PastTeam> teams) {
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.teams = teams;
        this.course = new CaseCourse(random, now, zone);
    }

    /** The closed cases of the last 180 days, oldest first. */
    List<PastCase> plan() {
        List<PastCase> cases = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
            for (PastCause cause : PastCause.ALL) {
                int count = poisson(perDay(cause, noon) * weekday(day.getDayOfWeek()));
                for (int i = 0; i < count; i++) {
                    Instant opened = day.atTime(7, 0).atZone(zone).toInstant().plusSeconds(random.nextInt(14 * 3600));
                    PastCase c = open(cause, opened);
                    if (course.unfold(c)) {
                        cases.add(c);
                        c.customer.busyUntil = c.closedAt;
                        if (!customers.contains(c.customer)) {
                            customers.add(c.customer);
                        }
                    }
                }
            }
        }
        cases.sort(java.util.Comparator.comparing(c -> c.openedAt));
        return cases;
    }

    List<PastCustomer> customers() {
        return customers;
    }

    private double perDay(PastCause cause, Instant at) {
        return switch (cause.code()) {
            case "carrier-delay" -> at.isBefore(now.minus(CARRIER_ACTION_AGO)) ? cause.perDay() : PastCause.CARRIER_DELAY_AFTER_ACTION;
            case "warehouse-error" -> at.isBefore(now.minus(WAREHOUSE_ACTION_AGO)) ? cause.perDay()
                : PastCause.WAREHOUSE_ERROR_AFTER_ACTION;
            // Three days of a payment outage.
            case "system-failure" -> Math.abs(Duration.between(now.minus(OUTAGE_AGO), at).toDays()) <= 1 ? 5 : cause.perDay();
            default -> cause.perDay();
        };
    }

    private static double weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 1.3;
            case SATURDAY -> 0.7;
            case SUNDAY -> 0.45;
            default -> 1.05;
        };
    }

    private PastCase open(PastCause cause, Instant opened) {
        // Waiting times are the phones' and the stores' problem; the rest splits by channel.
        PastTeam team = cause.code().equals("understaffing") ? teams.get(teams.size() - 1)
            : teams.get(random.nextDouble() < 0.6 ? 0 : teams.size() - 1);
        PastCase.Person agent = team.agents().get(random.nextInt(team.agents().size()));
        int severity = cause.code().equals("system-failure") ? 1 + random.nextInt(2) : pick(new double[] {0.04, 0.28, 0.58, 0.10}) + 1;
        String[] complaint = cause.complaints().get(random.nextInt(cause.complaints().size()));
        return new PastCase(customer(opened), team, agent, team.channels().get(random.nextInt(team.channels().size())), severity,
            cause, complaint, opened);
    }

    // One in ten complaints comes from someone who complained before.
    private PastCustomer customer(Instant opened) {
        if (customers.size() > 50 && random.nextDouble() < 0.1) {
            PastCustomer again = customers.get(customers.size() - 1 - random.nextInt(Math.min(customers.size(), 400)));
            if (again.busyUntil.isBefore(opened)) {
                return again;
            }
        }
        int n = 10_001 + customers.size();
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String tier = new String[] {"standard", "premium", "vip"}[pick(new double[] {0.75, 0.18, 0.07})];
        long value = switch (tier) {
            case "vip" -> 400_000 + random.nextInt(1_600_000);
            case "premium" -> 90_000 + random.nextInt(310_000);
            default -> 6_000 + random.nextInt(84_000);
        };
        return new PastCustomer("CUST-" + n, first + " " + last,
            (first + "." + last + "." + n + "@example.com").toLowerCase(Locale.ROOT), tier, value,
            opened.minus(Duration.ofDays(30 + random.nextInt(700))));
    }

    private int pick(double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
