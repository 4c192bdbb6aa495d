package org.redress.insights.digest;

import java.util.Comparator;
import java.util.List;

/**
 * "What changed": the key numbers that moved most since the week before, in plain words
 * ("Recovery rate fell from 72% to 61%."). A share counts as moved when it changed by at least
 * 5 points; a count, a time or an amount when it changed by at least a fifth (a count also by
 * at least 3, and a time by at least 5 minutes, so that 1 case becoming 2 is not news). The
 * figures are ranked by how many times over that bar they moved, at most {@link #MOST} of them.
 * A figure without a value in either week is not compared.
 */
final class WhatChanged {

    static final int MOST = 3;
    private static final double SHARE_POINTS = 5;
    private static final double RELATIVE = 0.2;
    private static final double COUNT_AT_LEAST = 3;
    private static final double MINUTES_AT_LEAST = 5;

    private WhatChanged() {
    }

    /** The sentences, the figure that moved most first; none when nothing moved past its bar. */
    static List<String> of(List<DigestFigure> figures) {
        return figures.stream()
            .filter(figure -> moved(figure) >= 1)
            .sorted(Comparator.comparingDouble(WhatChanged::moved).reversed())
            .limit(MOST)
            .map(WhatChanged::sentence)
            .toList();
    }

    /** How many times over its bar the figure moved: 1 is just at the bar, 0 when it cannot be compared. */
    static double moved(DigestFigure figure) {
        if (figure.now() == null || figure.before() == null) {
            return 0;
        }
        double now = figure.now();
        double before = figure.before();
        double change = Math.abs(now - before);
        return switch (figure.kind()) {
            case SHARE -> change / SHARE_POINTS;
            case COUNT -> change < COUNT_AT_LEAST ? 0 : relative(change, before);
            case MINUTES -> change < MINUTES_AT_LEAST ? 0 : relative(change, before);
            case MONEY -> relative(change, before);
        };
    }

    // The change as a share of the week before's value (of 1, from nothing), in fifths.
    private static double relative(double change, double before) {
        return change / Math.max(Math.abs(before), 1) / RELATIVE;
    }

    private static String sentence(DigestFigure figure) {
        return figure.name() + (figure.now() > figure.before() ? " rose" : " fell") + " from " + figure.shown(figure.before())
            + " to " + figure.shown(figure.now()) + ".";
    }
}
