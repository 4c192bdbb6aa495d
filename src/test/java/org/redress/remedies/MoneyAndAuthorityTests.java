package org.redress.remedies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.redress.shared.InvalidInput;

/** Money is exact and refuses what it cannot represent; authority counts everything granted. */
class MoneyAndAuthorityTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void amountsAreReadExactlyInTheCurrencysMinorUnits() {
        assertThat(Money.parse("amount", "49.90", EUR).minor()).isEqualTo(4990);
        assertThat(Money.parse("amount", "49.9", EUR).amount()).isEqualTo("49.90");
        assertThat(Money.parse("amount", "1000", JPY).minor()).isEqualTo(1000);
        assertThatThrownBy(() -> Money.parse("amount", "10.5", JPY)).isInstanceOf(InvalidInput.class)
            .hasMessageContaining("more decimals than JPY allows");
        assertThatThrownBy(() -> Money.parse("amount", "0.001", EUR)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Money.parse("amount", "-1", EUR)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Money.parse("amount", "ten", EUR)).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> Money.parse("amount", "99999999999999999999", EUR)).hasMessageContaining("too large");
    }

    @Test
    void sharesRoundHalfToEvenAndCurrenciesDoNotMix() {
        Money quarter = Money.parse("amount", "0.25", EUR);
        assertThat(quarter.percent(10).amount()).isEqualTo("0.02");   // 0.025 -> 0.02
        assertThat(Money.parse("amount", "0.35", EUR).percent(10).amount()).isEqualTo("0.04"); // 0.035 -> 0.04
        assertThat(Money.parse("amount", "33.33", EUR).percent(15).amount()).isEqualTo("5.00"); // 4.9995 -> 5.00
        assertThat(Money.parse("amount", "60.00", EUR).times(5, 4).amount()).isEqualTo("75.00");
        assertThatThrownBy(() -> quarter.plus(new Money(100, JPY))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorityCountsWhatWasGrantedOnTheCaseAndInTheMonth() {
        Authority agent = new Authority(Money.parse("perCase", "50.00", EUR), Money.parse("perMonth", "500.00", EUR));
        Money none = Money.zero(EUR);

        assertThat(agent.check(Money.parse("a", "50.00", EUR), none, none).within()).isTrue();
        assertThat(agent.check(Money.parse("a", "0.01", EUR), Money.parse("g", "50.00", EUR), none).exceeded())
            .singleElement().asString().contains("above the limit of 50.00 EUR per case");
        assertThat(agent.check(Money.parse("a", "20.00", EUR), none, Money.parse("m", "490.00", EUR)).exceeded())
            .singleElement().asString().contains("per month");
        assertThat(agent.remaining(Money.parse("g", "30.00", EUR), Money.parse("m", "490.00", EUR)).amount()).isEqualTo("10.00");
        assertThat(agent.remaining(Money.parse("g", "60.00", EUR), none).amount()).isEqualTo("0.00");
    }
}
