package org.redress.remedies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.jspecify.annotations.Nullable;
import org.redress.shared.InvalidInput;

/**
 * An amount of money: whole minor units (cents) of one currency. Never floating point;
 * arithmetic across currencies is refused.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Reads "49.90": at most as many decimals as the currency has, not negative. */
    public static Money parse(String field, @Nullable String amount, Currency currency) {
        if (amount == null || amount.isBlank()) {
            throw InvalidInput.field(field, "is required, e.g. \"49.90\"");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "'" + amount + "' is not an amount, e.g. \"49.90\"");
        }
        if (value.signum() < 0) {
            throw InvalidInput.field(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw InvalidInput.field(field, "'" + amount + "' has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        try {
            return new Money(value.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw InvalidInput.field(field, "is too large");
        }
    }

    /** This share of the amount, rounded half-even to the currency's minor unit (banker's rounding). */
    public Money percent(int percent) {
        return times(percent, 100);
    }

    /** The amount times numerator / denominator, rounded half-even to the minor unit. */
    public Money times(long numerator, long denominator) {
        BigDecimal share = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(numerator))
            .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN);
        return new Money(share.longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /** "49.90" */
    public String amount() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return amount() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " and " + other);
        }
    }
}
