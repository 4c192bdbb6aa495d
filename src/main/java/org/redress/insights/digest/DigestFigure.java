package org.redress.insights.digest;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.redress.insights.RecoverySummary;

/**
 * One key number of the digest: its value for the week and for the week before (none when it
 * cannot be said, e.g. a recovery rate with no case closed).
 */
record DigestFigure(String name, Kind kind, @Nullable Double now, @Nullable Double before, @Nullable String currency) {

    enum Kind {
        /** How many. */
        COUNT,
        /** A share, in per cent. */
        SHARE,
        /** A time, in minutes. */
        MINUTES,
        /** An amount of money, in its currency's units. */
        MONEY
    }

    static DigestFigure count(String name, long now, long before) {
        return new DigestFigure(name, Kind.COUNT, (double) now, (double) before, null);
    }

    static DigestFigure share(String name, @Nullable Double now, @Nullable Double before) {
        return new DigestFigure(name, Kind.SHARE, now, before, null);
    }

    static DigestFigure minutes(String name, @Nullable Double now, @Nullable Double before) {
        return new DigestFigure(name, Kind.MINUTES, now, before, null);
    }

    static DigestFigure money(String name, double now, double before, @Nullable String currency) {
        return new DigestFigure(name, Kind.MONEY, now, before, currency);
    }

    /** "Recovery rate: 61% (72%)": this week, and the week before in brackets. */
    String line() {
        return name + ": " + shown(now) + " (" + shown(before) + ")";
    }

    /** "20", "61%", "66.7%", "3.5 h", "120.00 EUR"; "—" when there is none. */
    String shown(@Nullable Double value) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case COUNT -> String.valueOf(Math.round(value));
            case SHARE -> (value == Math.rint(value) ? String.valueOf(Math.round(value)) : String.valueOf(value)) + "%";
            case MINUTES -> RecoverySummary.Took.inWords(value);
            case MONEY -> money(value);
        };
    }

    private String money(double value) {
        int digits = currency == null ? 2 : java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        String amount = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return currency == null ? amount : amount + " " + currency;
    }
}
