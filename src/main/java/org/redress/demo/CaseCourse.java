package org.redress.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * How one past case went, by the rules the playbook enforces (recovered only with every step
 * done, the apology among them; not recovered once answered, with a reason) and the habits
 * the demo's story needs: a fast first answer, an apology and a remedy make a recovery more
 * likely; a few promises are broken; some customers answer the recovery survey, and an
 * unhappy answer reopens the resolution before the case is closed as not recovered.
 */
final class CaseCourse {

    /** An agent may grant up to 50 EUR on a case (a replacement up to 100); more goes to the lead. */
    private static final long AGENT_LIMIT = 5_000;
    private static final List<String> NOT_RECOVERED = List.of(
        "The customer stopped answering after three tries.",
        "The customer has moved to a competitor.",
        "The customer wanted more than we could fairly give.",
        "The customer closed their account.");

    private final Random random;
    private final Instant closedBefore;
    private final ZoneId zone;

    CaseCourse(Random random, Instant now, ZoneId zone) {
        this.random = random;
        this.closedBefore = now.minus(Duration.ofMinutes(10));
        this.zone = zone;
    }

    /** Plays the case out; false when it would not be closed yet (the live demo shows open cases). */
    boolean unfold(PastCase c) {
        if (random.nextDouble() < 0.03) {
            c.closeReason = random.nextBoolean() ? "SPAM" : "NOT_A_COMPLAINT";
            c.closedAt = c.openedAt.plus(minutes(20, 600));
            return c.closedAt.isBefore(closedBefore);
        }
        double median = c.team.medianMinutesToAnswer() / (c.severity == 1 ? 4 : 1);
        c.acknowledgedAt = c.openedAt.plus(Duration.ofSeconds((long) (60 * median * Math.exp(1.1 * random.nextGaussian()))));
        c.listenedAt = c.acknowledgedAt.plus(minutes(5, 90));
        Instant last = c.listenedAt;
        if (random.nextDouble() < c.team.apologyRate()) {
            c.apologizedAt = last = c.listenedAt.plus(minutes(1, 20));
        }
        if (random.nextDouble() < 0.96) {
            c.causeFoundAt = c.listenedAt.plus(minutes(30, 24 * 60));
            c.responsibility = c.cause.responsibility();
            c.explainedAt = last = latest(last, c.causeFoundAt).plus(minutes(10, 240));
        }
        boolean everyStep = c.apologizedAt != null && c.explainedAt != null;
        boolean resolving = random.nextDouble() < (everyStep ? 0.92 : 0.45);
        boolean remedy = resolving && random.nextDouble() < (c.severity <= 2 ? 0.75 : 0.55);
        long minutesToAnswer = Duration.between(c.openedAt, c.acknowledgedAt).toMinutes();
        double chance = 0.42 + (minutesToAnswer <= 60 ? 0.32 : minutesToAnswer <= 1440 ? 0.15 : 0) + (remedy ? 0.17 : 0);
        boolean recovers = everyStep && resolving && random.nextDouble() < chance;
        if (remedy) {
            c.remedy = remedy(c, last, recovers || random.nextDouble() < 0.7);
            last = c.remedy.answeredAt();
            if (!c.remedy.accepted()) {
                return close(c, last.plus(minutes(60, 2 * 1440)), "The customer declined our offer.");
            }
            c.resolution = c.remedy.terms();
            c.agreedAt = last;
        } else if (resolving) {
            c.resolution = c.cause.resolution();
            c.agreedAt = last = last.plus(minutes(30, 36 * 60));
        } else {
            return close(c, last.plus(minutes(1440, 6 * 1440)), NOT_RECOVERED.get(random.nextInt(NOT_RECOVERED.size())));
        }
        fulfil(c);
        if (recovers) {
            return recover(c);
        }
        if (random.nextDouble() < 0.55) {
            // The recovery survey comes back unhappy: the resolution is reopened, and the customer is lost.
            c.surveySentAt = c.fulfilledAt.plus(minutes(60, 1440));
            c.surveyAnsweredAt = c.surveySentAt.plus(minutes(30, 2 * 1440));
            c.surveyScore = 1 + random.nextInt(2);
            c.reopened = true;
            return close(c, c.surveyAnsweredAt.plus(minutes(120, 3 * 1440)), "Delivered, but the customer is still unhappy.");
        }
        return close(c, c.fulfilledAt.plus(minutes(1440, 5 * 1440)), "Delivered, but the customer has moved to a competitor.");
    }

    private boolean recover(PastCase c) {
        if (random.nextDouble() < 0.7) {
            c.surveySentAt = c.fulfilledAt.plus(minutes(60, 1440));
            if (random.nextDouble() < 0.8) {
                c.surveyAnsweredAt = c.surveySentAt.plus(minutes(30, 2 * 1440));
                c.surveyScore = new int[] {3, 4, 4, 4, 5, 5, 5, 5, 5, 5}[random.nextInt(10)];
            }
        }
        c.followedUpAt = c.surveyAnsweredAt != null ? c.surveyAnsweredAt : c.fulfilledAt.plus(minutes(1440, 3 * 1440));
        c.learntAt = c.followedUpAt.plus(minutes(10, 240));
        c.outcome = "RECOVERED";
        c.closedAt = c.learntAt.plus(minutes(2, 60));
        return c.closedAt.isBefore(closedBefore);
    }

    private boolean close(PastCase c, Instant at, String why) {
        c.outcome = "NOT_RECOVERED";
        c.closeNote = why;
        c.closedAt = at;
        return at.isBefore(closedBefore);
    }

    // Delivered by the promised day, mostly; a few just after midnight (kept late), a few days late (broken).
    private void fulfil(PastCase c) {
        LocalDate agreedOn = LocalDate.ofInstant(c.agreedAt, zone);
        c.deliverBy = agreedOn.plusDays(random.nextInt(5) + (c.agreedAt.atZone(zone).getHour() >= 14 ? 1 : 0));
        Instant due = DemoHistory.endOf(c.deliverBy, zone);
        double x = random.nextDouble();
        c.fulfilledAt = x < 0.9 ? c.agreedAt.plusSeconds((long) (Duration.between(c.agreedAt, due).toSeconds() * (0.2 + 0.75 * random.nextDouble())))
            : x < 0.93 ? due.plusSeconds(2 + random.nextInt(12))
            : due.plus(minutes(120, 3 * 1440));
    }

    private PastCase.Remedy remedy(PastCase c, Instant after, boolean accepted) {
        String type = c.customer.tier.equals("vip") ? "credit" : c.severity <= 2 ? "refund" : c.severity == 3 ? "credit" : "goodwill";
        long amount = switch (c.customer.tier.equals("vip") ? 0 : c.severity) {
            case 0 -> 2_500 + 500L * random.nextInt(11);
            case 1 -> 5_000 + 1_000L * random.nextInt(11);
            case 2 -> 2_000 + 500L * random.nextInt(9);
            case 3 -> 1_000 + 250L * random.nextInt(7);
            default -> 500 + 100L * random.nextInt(6);
        };
        if (c.cause.code().equals("product-defect") || c.cause.code().equals("warehouse-error")) {
            type = "replacement";
            amount = 2_000 + 500L * random.nextInt(17);
        }
        String label = switch (type) {
            case "refund" -> "Refund";
            case "credit" -> "Account credit";
            case "replacement" -> "Replacement";
            default -> "Goodwill gift";
        };
        long limit = type.equals("replacement") ? 2 * AGENT_LIMIT : AGENT_LIMIT;
        Instant proposed = after.plus(minutes(10, 180));
        PastCase.Person approver = amount > limit ? c.team.lead() : null;
        Instant decided = approver == null ? null : proposed.plus(minutes(20, 8 * 60));
        // One ask in eight above authority is refused; the agent then grants what they may.
        boolean refused = approver != null && random.nextDouble() < 0.125;
        Instant granted = decided == null ? proposed : refused ? decided.plus(minutes(5, 60)) : decided;
        Instant offered = granted.plus(minutes(2, 60));
        return new PastCase.Remedy(type, label, refused ? limit : amount, proposed, approver, decided, refused ? amount : null,
            granted, offered, offered.plus(minutes(30, 36 * 60)), accepted);
    }

    private Duration minutes(int from, int to) {
        return Duration.ofSeconds(60L * from + random.nextInt(60 * (to - from)));
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
