package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "5, EUR, 5.00",
            "5.5, EUR, 5.50",
            "5.50, EUR, 5.50",
            "5.500, EUR, 5.50",
            "-0.01, EUR, -0.01",
            "0, EUR, 0.00",
            "1200, JPY, 1200",
            "1200.0, JPY, 1200",
            "1.5, BHD, 1.500",
            "1.234, BHD, 1.234",
            "7, KWD, 7.000",
            "99, CLP, 99"
    })
    void isAlwaysAtTheScaleOfItsCurrency(String amount, String currency, String expected) {
        Money money = Money.of(amount, currency);

        assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(money.amount().scale()).isEqualTo(Currency.getInstance(currency).getDefaultFractionDigits());
        assertThat(money.toString()).isEqualTo(expected + " " + currency);
    }

    @Test
    void equalAmountsAreEqualWhateverScaleTheyWereGivenIn() {
        assertThat(Money.of(new BigDecimal("12.5"), EUR)).isEqualTo(Money.of(new BigDecimal("12.500"), EUR))
                .hasSameHashCodeAs(Money.of("12.50", "EUR"));
        assertThat(Money.of(new BigDecimal("0E-10"), EUR)).isEqualTo(Money.zero(EUR));
        assertThat(Money.of(new BigDecimal("0E+10"), EUR)).isEqualTo(Money.zero(EUR));
        assertThat(Money.of(new BigDecimal("1.2E+3"), EUR).amount()).isEqualTo(new BigDecimal("1200.00"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.005   | EUR | 1.005 has more than 2 fraction digits, which EUR does not have
            0.001   | EUR | 0.001 has more than 2 fraction digits, which EUR does not have
            -12.345 | USD | -12.345 has more than 2 fraction digits, which USD does not have
            1.5     | JPY | 1.5 has more than 0 fraction digits, which JPY does not have
            1.2345  | BHD | 1.2345 has more than 3 fraction digits, which BHD does not have
            """)
    void refusesExtraFractionDigitsInsteadOfRounding(String amount, String currency, String message) {
        assertRefused(() -> Money.of(amount, currency), "amount", message);
        assertRefused(() -> Money.of(new BigDecimal(amount), Currency.getInstance(currency)), "amount", message);
    }

    @Test
    void refusesAmountsOfMoreThan38DigitsAtOnceInsteadOfWritingThemOut() {
        String digits36 = "9".repeat(36);
        assertThat(Money.of(digits36 + ".99", "EUR").amount().precision()).isEqualTo(38);
        assertRefused(() -> Money.of("1" + digits36 + ".00", "EUR"), "amount", "must have at most 38 digits");
        assertRefused(() -> Money.of(new BigDecimal("1E+999999999"), EUR), "amount", "must have at most 38 digits");
        assertRefused(() -> Money.of(new BigDecimal("1E-999999999"), EUR), "amount",
                "1E-999999999 has more than 2 fraction digits, which EUR does not have");
    }

    @Test
    void refusesCurrenciesWithoutMinorUnitAndUnknownCodes() {
        assertRefused(() -> Money.of("1", "XAU"), "currency", "XAU is not a currency of money");
        assertRefused(() -> Money.of("1", "XXX"), "currency", "XXX is not a currency of money");
        assertRefused(() -> Money.of("1", "EURO"), "currency", "'EURO' is not an ISO 4217 currency code");
        assertRefused(() -> Money.of("1", "eur"), "currency", "'eur' is not an ISO 4217 currency code");
        assertRefused(() -> Money.of("1", null), "currency", "must not be null");
        assertRefused(() -> Money.of(BigDecimal.ONE, null), "currency", "must not be null");
        assertRefused(() -> Money.of((BigDecimal) null, EUR), "amount", "must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1,50", "1.5.0", "€5", "5 EUR", "1E3", "1e-2", "0x10", "NaN", "Infinity",
            "--1", "+-1", ".", "1 000"})
    void parsingRefusesWhatIsNotAPlainDecimal(String amount) {
        assertRefused(() -> Money.of(amount, "EUR"), "amount",
                "'" + amount + "' is not a decimal number in plain notation, such as 12.50");
    }

    @Test
    void parsingAcceptsSignsSurroundingBlanksAndShortForms() {
        assertThat(Money.of(" 12.50 ", "EUR")).isEqualTo(Money.of("12.5", "EUR"));
        assertThat(Money.of("+3", "EUR").amount()).isEqualTo(new BigDecimal("3.00"));
        assertThat(Money.of("-3", "EUR").amount()).isEqualTo(new BigDecimal("-3.00"));
        assertThat(Money.of(".5", "EUR").amount()).isEqualTo(new BigDecimal("0.50"));
        assertThat(Money.of("5.", "EUR").amount()).isEqualTo(new BigDecimal("5.00"));
        assertRefused(() -> Money.of(null, "EUR"), "amount", "must not be null");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money a = Money.of("0.10", "EUR");
        Money b = Money.of("0.20", "EUR");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", "EUR"));
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.minus(a).isZero()).isTrue();
        assertThat(a.negate()).isEqualTo(Money.of("-0.10", "EUR"));
    }

    @Test
    void refusesMixingCurrencies() {
        Money euros = Money.of("10.00", "EUR");
        Money dollars = Money.of("10.00", "USD");
        String message = "cannot combine EUR with USD: amounts of different currencies are never added";

        assertRefused(() -> euros.plus(dollars), "currency", message);
        assertRefused(() -> euros.minus(dollars), "currency", message);
        assertRefused(() -> euros.compareTo(dollars), "currency", message);
        assertRefused(() -> euros.plus(null), "money", "must not be null");
        assertThat(euros).isNotEqualTo(dollars);
    }

    @Test
    void comparesAmountsOfOneCurrency() {
        assertThat(Money.of("9.99", "EUR")).isLessThan(Money.of("10", "EUR"));
        assertThat(Money.of("10", "EUR")).isEqualByComparingTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("-1", "EUR")).isLessThan(Money.zero(EUR));
    }

    @ParameterizedTest(name = "{1}% of {0} is {2}")
    @CsvSource({
            "100.00, 25, 25.00",
            "100.00, 33.333, 33.33",
            "0.10, 25, 0.02",   // 0.025 -> 0.02 (half-even: 2 is even)
            "0.30, 25, 0.08",   // 0.075 -> 0.08 (half-even: 8 is even)
            "0.50, 1, 0.00",    // 0.005 -> 0.00
            "1.50, 1, 0.02",    // 0.015 -> 0.02
            "-0.10, 25, -0.02",
            "19.99, 0, 0.00",
            "19.99, 100, 19.99",
            "19.99, 150, 29.98" // 29.985 -> 29.98 (half-even: 8 is even)
    })
    void percentRoundsHalfEvenToTheCurrencyScale(String amount, String percent, String expected) {
        assertThat(Money.of(amount, "EUR").percent(new BigDecimal(percent)))
                .isEqualTo(Money.of(expected, "EUR"));
    }

    @Test
    void percentOfYenRoundsToWholeYen() {
        assertThat(Money.of("125", "JPY").percent(new BigDecimal("10"))).isEqualTo(Money.of("12", "JPY")); // 12.5
        assertThat(Money.of("135", "JPY").percent(new BigDecimal("10"))).isEqualTo(Money.of("14", "JPY")); // 13.5
        assertRefused(() -> Money.of("1", "JPY").percent(null), "percent", "must not be null");
    }

    @Test
    void timesRoundsWithTheGivenMode() {
        Money price = Money.of("10.00", "EUR");
        assertThat(price.times(new BigDecimal("0.333"), RoundingMode.HALF_UP)).isEqualTo(Money.of("3.33", "EUR"));
        assertThat(price.times(new BigDecimal("0.3335"), RoundingMode.CEILING)).isEqualTo(Money.of("3.34", "EUR"));
        assertThat(price.times(new BigDecimal("3"), RoundingMode.UNNECESSARY)).isEqualTo(Money.of("30.00", "EUR"));
        assertRefused(() -> price.times(null, RoundingMode.HALF_UP), "factor", "factor and rounding must not be null");
        assertRefused(() -> price.times(new BigDecimal("0.3333"), RoundingMode.UNNECESSARY), "factor",
                "the product needs rounding, which UNNECESSARY forbids");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String path,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo(path);
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
