package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Money never loses a cent (DESIGN.md §7). */
class MoneyProperties {

    private static final List<Currency> CURRENCIES =
            List.of(Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("BHD"));

    record Pair(Money a, Money b) {
    }

    record Triple(Money a, Money b, Money c) {
    }

    record Split(Money whole, List<Money> parts) {
    }

    record PercentCase(Money amount, BigDecimal percent) {
    }

    record Candidate(Currency currency, BigDecimal value) {
    }

    private static Currency currency(Random random) {
        return CURRENCIES.get(random.nextInt(CURRENCIES.size()));
    }

    private static Money money(Random random, Currency currency) {
        return Money.of(Gen.amount(random, currency.getDefaultFractionDigits(), 12), currency);
    }

    @Test
    void plusIsCommutative() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            return new Pair(money(r, c), money(r, c));
        }, p -> assertThat(p.a().plus(p.b())).isEqualTo(p.b().plus(p.a())));
    }

    @Test
    void plusIsAssociative() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            return new Triple(money(r, c), money(r, c), money(r, c));
        }, t -> assertThat(t.a().plus(t.b()).plus(t.c())).isEqualTo(t.a().plus(t.b().plus(t.c()))));
    }

    @Test
    void addingAndTakingAwayTheSameAmountGivesTheAmountBack() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            return new Pair(money(r, c), money(r, c));
        }, p -> {
            assertThat(p.a().plus(p.b()).minus(p.b())).isEqualTo(p.a());
            assertThat(p.a().minus(p.b()).plus(p.b())).isEqualTo(p.a());
            assertThat(p.a().plus(Money.zero(p.a().currency()))).isEqualTo(p.a());
            assertThat(p.a().plus(p.a().negate()).isZero()).isTrue();
        });
    }

    @Test
    void theSumOfThePartsIsTheWhole() {
        // A whole cut at random points, in minor units, into up to 12 parts: the parts add up to the whole.
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            Money whole = money(r, c);
            BigInteger minor = whole.amount().unscaledValue();
            int cuts = Gen.between(r, 0, 11);
            TreeSet<BigInteger> points = new TreeSet<>();
            for (int i = 0; i < cuts; i++) {
                points.add(minor.signum() == 0 ? BigInteger.ZERO
                        : new BigInteger(minor.abs().bitLength(), r).mod(minor.abs()).multiply(
                                BigInteger.valueOf(minor.signum())));
            }
            List<Money> parts = new ArrayList<>();
            BigInteger previous = BigInteger.ZERO;
            for (BigInteger point : minor.signum() >= 0 ? points : points.descendingSet()) {
                parts.add(Money.of(new BigDecimal(point.subtract(previous), whole.amount().scale()), c));
                previous = point;
            }
            parts.add(Money.of(new BigDecimal(minor.subtract(previous), whole.amount().scale()), c));
            return new Split(whole, parts);
        }, s -> {
            Money sum = Money.zero(s.whole().currency());
            for (Money part : s.parts()) {
                sum = sum.plus(part);
            }
            assertThat(sum).isEqualTo(s.whole());
        });
    }

    @Test
    void addingManyAmountsIsExact() {
        // Amounts that a double could not add exactly (0.1 + 0.2 ...) add up to their exact decimal sum.
        ForAll.check(500, r -> {
            Currency c = currency(r);
            return Gen.listOf(r, 0, 30, x -> money(x, c));
        }, amounts -> {
            Currency c = amounts.isEmpty() ? CURRENCIES.get(0) : amounts.get(0).currency();
            Money sum = Money.zero(c);
            BigDecimal exact = BigDecimal.ZERO;
            for (Money m : amounts) {
                sum = sum.plus(m);
                exact = exact.add(m.amount());
            }
            assertThat(sum.amount()).isEqualByComparingTo(exact);
            assertThat(sum.amount().scale()).isEqualTo(c.getDefaultFractionDigits());
        });
    }

    @Test
    void aPercentSplitIntoPartAndRemainderNeverLosesACent() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            BigDecimal percent = Gen.amount(r, Gen.between(r, 0, 3), 2).abs().min(BigDecimal.valueOf(100));
            return new PercentCase(money(r, c), percent);
        }, pc -> {
            Money part = pc.amount().percent(pc.percent());
            Money remainder = pc.amount().minus(part);
            assertThat(part.plus(remainder)).isEqualTo(pc.amount());
            assertThat(part.amount().scale()).isEqualTo(pc.amount().amount().scale());

            // the rounded part is the exact part rounded half-even: off by at most half a minor unit
            BigDecimal exact = pc.amount().amount().multiply(pc.percent()).movePointLeft(2);
            BigDecimal halfMinorUnit = BigDecimal.ONE.movePointLeft(pc.amount().amount().scale()).divide(
                    BigDecimal.valueOf(2));
            assertThat(part.amount().subtract(exact).abs()).isLessThanOrEqualTo(halfMinorUnit);
            assertThat(part.amount()).isEqualByComparingTo(
                    exact.setScale(pc.amount().amount().scale(), java.math.RoundingMode.HALF_EVEN));
        });
    }

    @Test
    void roundingBothSidesOfAPercentSplitIsOffByAtMostOneMinorUnit() {
        // Why a split must be part + remainder: rounding both percentages separately can lose or make a cent.
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            return new PercentCase(money(r, c), BigDecimal.valueOf(Gen.between(r, 0, 100)));
        }, pc -> {
            Money a = pc.amount().percent(pc.percent());
            Money b = pc.amount().percent(BigDecimal.valueOf(100).subtract(pc.percent()));
            BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(pc.amount().amount().scale());
            assertThat(a.plus(b).minus(pc.amount()).amount().abs()).isLessThanOrEqualTo(minorUnit);
        });
        Money cent = Money.of("0.01", "EUR");
        assertThat(cent.percent(BigDecimal.valueOf(50)).plus(cent.percent(BigDecimal.valueOf(50))))
                .isEqualTo(Money.of("0.00", "EUR")); // the cent that separate rounding loses
    }

    @Test
    void constructionKeepsTheValueExactlyOrRefuses() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            return new Candidate(c, Gen.amount(r, Gen.between(r, 0, 6), 10));
        }, candidate -> {
            Currency c = candidate.currency();
            BigDecimal value = candidate.value();
            boolean fits = value.stripTrailingZeros().scale() <= c.getDefaultFractionDigits();
            if (fits) {
                Money m = Money.of(value, c);
                assertThat(m.amount()).isEqualByComparingTo(value);
                assertThat(m.amount().scale()).isEqualTo(c.getDefaultFractionDigits());
            } else {
                assertThatThrownBy(() -> Money.of(value, c)).isInstanceOf(InvalidInputException.class);
            }
        });
    }

    @Test
    void compareToAgreesWithTheAmountsAndWithEquals() {
        ForAll.check(1000, r -> {
            Currency c = currency(r);
            Money a = money(r, c);
            return new Pair(a, r.nextInt(4) == 0 ? Money.of(a.amount(), c) : money(r, c));
        }, p -> {
            int cmp = p.a().compareTo(p.b());
            assertThat(Integer.signum(cmp)).isEqualTo(p.a().amount().compareTo(p.b().amount()));
            assertThat(Integer.signum(cmp)).isEqualTo(-Integer.signum(p.b().compareTo(p.a())));
            assertThat(cmp == 0).isEqualTo(p.a().equals(p.b()));
        });
    }
}
