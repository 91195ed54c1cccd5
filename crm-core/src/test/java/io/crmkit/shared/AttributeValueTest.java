package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.AttributeValue.AttributeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValueTest {

    @Test
    void everyTypeHasItsKindAndText() {
        assertThat(AttributeValue.text("oat latte")).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.TEXT);
            assertThat(v.asText()).isEqualTo("oat latte");
        });
        assertThat(AttributeValue.integer(-42)).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.INTEGER);
            assertThat(v.asText()).isEqualTo("-42");
        });
        assertThat(AttributeValue.decimal("2.50")).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.DECIMAL);
            assertThat(v.asText()).isEqualTo("2.5");
        });
        assertThat(AttributeValue.bool(true)).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.BOOLEAN);
            assertThat(v.asText()).isEqualTo("true");
        });
        assertThat(AttributeValue.date(LocalDate.of(2026, 2, 28))).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.DATE);
            assertThat(v.asText()).isEqualTo("2026-02-28");
        });
        assertThat(AttributeValue.oneOf("gold", List.of("bronze", "silver", "gold"))).satisfies(v -> {
            assertThat(v.type()).isEqualTo(AttributeType.ONE_OF);
            assertThat(v.asText()).isEqualTo("gold");
        });
    }

    @Test
    void valuesCompareByValue() {
        assertThat(AttributeValue.text("a")).isEqualTo(AttributeValue.text("a")).isNotEqualTo(AttributeValue.text("A"));
        assertThat(AttributeValue.integer(1)).isEqualTo(AttributeValue.integer(1));
        assertThat(AttributeValue.bool(false)).isEqualTo(AttributeValue.bool(false));
        assertThat(AttributeValue.date(LocalDate.of(2026, 1, 1))).isEqualTo(AttributeValue.date(LocalDate.of(2026, 1, 1)));
        assertThat((AttributeValue) AttributeValue.integer(1)).isNotEqualTo(AttributeValue.decimal("1"));
        assertThat((AttributeValue) AttributeValue.text("true")).isNotEqualTo(AttributeValue.bool(true));
    }

    @ParameterizedTest(name = "{0} equals {1}")
    @CsvSource({
            "2.50, 2.5",
            "2.500000, 2.5",
            "100, 1E+2",
            "100.00, 100",
            "0.000, 0",
            "-0.0, 0",
            "0E-10, 0",
            "0E+5, 0",
            "-1.10, -1.1"
    })
    void decimalsAreEqualAfterStrippingTrailingZeros(String a, String b) {
        AttributeValue.DecimalValue x = AttributeValue.decimal(new BigDecimal(a));
        AttributeValue.DecimalValue y = AttributeValue.decimal(new BigDecimal(b));

        assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
        assertThat(x.asText()).isEqualTo(y.asText());
    }

    @Test
    void decimalsReadAsPlainText() {
        assertThat(AttributeValue.decimal("1E+3").asText()).isEqualTo("1000");
        assertThat(AttributeValue.decimal("0.000001").asText()).isEqualTo("0.000001");
        assertThat(AttributeValue.decimal("0").asText()).isEqualTo("0");
    }

    @Test
    void decimalsHaveAtMost38DigitsOf18AfterThePoint() {
        String message = "must have at most 38 digits, 18 of them after the point";
        assertThat(AttributeValue.decimal("0." + "1".repeat(18)).value().scale()).isEqualTo(18);
        assertThat(AttributeValue.decimal("9".repeat(38)).value().precision()).isEqualTo(38);
        assertThat(AttributeValue.decimal("9".repeat(20) + "." + "9".repeat(18)).value().precision()).isEqualTo(38);
        // a 31-digit integer written as 1E+30 has 31 digits, none after the point
        assertThat(AttributeValue.decimal("1E+30")).isEqualTo(AttributeValue.decimal("1" + "0".repeat(30)));
        assertThat(AttributeValue.decimal("1E+37").asText()).isEqualTo("1" + "0".repeat(37));

        assertRefused(() -> AttributeValue.decimal("0." + "1".repeat(19)), message);
        assertRefused(() -> AttributeValue.decimal("9".repeat(39)), message);
        assertRefused(() -> AttributeValue.decimal("1E+38"), message);
        assertRefused(() -> AttributeValue.decimal("9".repeat(21) + "." + "9".repeat(18)), message);
        assertRefused(() -> AttributeValue.decimal("1E-19"), message);
        assertRefused(() -> AttributeValue.decimal("1E+999999999"), message);
    }

    @Test
    void decimalParsingNamesTheProblem() {
        assertRefused(() -> AttributeValue.decimal("1,5"), "'1,5' is not a decimal number");
        assertRefused(() -> AttributeValue.decimal("abc"), "'abc' is not a decimal number");
        assertThatThrownBy(() -> AttributeValue.decimal((String) null)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.violations().get(0).path()).isEqualTo("value"));
        assertRefused(() -> AttributeValue.decimal((BigDecimal) null), "must not be null");
    }

    @Test
    void textIsAtMost4000Characters() {
        assertThat(AttributeValue.text("x".repeat(4000)).value()).hasSize(4000);
        assertThat(AttributeValue.text("").value()).isEmpty();
        assertRefused(() -> AttributeValue.text("x".repeat(4001)), "must be at most 4000 characters");
        assertRefused(() -> AttributeValue.text(null), "must not be null");
        assertRefused(() -> AttributeValue.date(null), "must not be null");
    }

    @Test
    void oneOfHoldsAValueOfItsOptionsAndAnImmutableCopyOfThem() {
        List<String> options = new ArrayList<>(List.of("bronze", "silver", "gold"));
        AttributeValue.OneOf tier = AttributeValue.oneOf("silver", options);
        options.add("platinum");

        assertThat(tier.options()).containsExactly("bronze", "silver", "gold");
        assertThatThrownBy(() -> tier.options().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(tier).isEqualTo(AttributeValue.oneOf("silver", List.of("bronze", "silver", "gold")));
        assertThat(tier).isNotEqualTo(AttributeValue.oneOf("silver", List.of("silver", "bronze", "gold")));
    }

    @Test
    void oneOfRefusesValuesAndOptionsThatDoNotFit() {
        assertRefused(() -> AttributeValue.oneOf("platinum", List.of("bronze", "silver")),
                "'platinum' is not one of [bronze, silver]");
        assertRefused(() -> AttributeValue.oneOf("Gold", List.of("gold")), "'Gold' is not one of [gold]");
        assertRefused(() -> AttributeValue.oneOf(null, List.of("gold")), "value and options must not be null");
        assertRefused(() -> AttributeValue.oneOf("gold", null), "value and options must not be null");
        assertRefused(() -> AttributeValue.oneOf("gold", List.of()), "must have 1 to 100 options");
        List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> "o" + i).toList();
        assertRefused(() -> AttributeValue.oneOf("o1", tooMany), "must have 1 to 100 options");
        assertThat(AttributeValue.oneOf("o1", tooMany.subList(0, 100)).options()).hasSize(100);
        assertRefused(() -> AttributeValue.oneOf("a", List.of("a", " ")), "options must be 1 to 100 characters");
        assertRefused(() -> AttributeValue.oneOf("a", List.of("a", "x".repeat(101))),
                "options must be 1 to 100 characters");
        assertRefused(() -> AttributeValue.oneOf("a", List.of("a", "b", "a")), "options must be distinct");
        assertRefused(() -> AttributeValue.oneOf("a", Collections.singletonList(null)),
                "value and options must not be null");
    }

    private static void assertRefused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("value");
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
