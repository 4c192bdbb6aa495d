package org.redress.training;

/**
 * When a missed quiz item comes back, by the SM-2 algorithm (P. Woźniak, 1990, as published for
 * SuperMemo 2): an item answered right comes back after 1 day, then 6, then the last interval
 * times its ease; an item answered wrong starts over the next day and gets harder (lower ease),
 * never below 1.3. Answers are graded 5 (right) or 1 (wrong), since a quiz knows no "almost".
 * Ease is kept in thousandths so it stores as a whole number.
 */
record Repetition(int repetitions, int intervalDays, int easePermille) {

    static final int START_EASE = 2500;
    private static final int LOWEST_EASE = 1300;

    /** A missed item, due again tomorrow. */
    static Repetition missed() {
        return new Repetition(0, 1, START_EASE).after(false);
    }

    Repetition after(boolean right) {
        int quality = right ? 5 : 1;
        // EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), in thousandths.
        int ease = Math.max(LOWEST_EASE, easePermille + 100 - (5 - quality) * (80 + (5 - quality) * 20));
        if (!right) {
            return new Repetition(0, 1, ease);
        }
        int interval = switch (repetitions) {
            case 0 -> 1;
            case 1 -> 6;
            default -> (int) Math.round(intervalDays * easePermille / 1000.0);
        };
        return new Repetition(repetitions + 1, interval, ease);
    }
}
