package io.crmkit.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency: an exact {@link BigDecimal} at the currency's scale (2 for EUR, 0 for JPY,
 * 3 for BHD), never a {@code double}.
 *
 * <p>Construction never rounds: an amount with more fraction digits than the currency has ({@code 1.005 EUR}) is
 * refused, so that no cent is ever lost silently; trailing zeros are added ({@code 5 EUR} becomes {@code 5.00 EUR}).
 * Arithmetic is exact; the only operations that round ({@link #percent(BigDecimal)}, {@link #times(BigDecimal,
 * RoundingMode)}) say so and take or document their rounding mode. Mixing currencies is refused with
 * {@link InvalidInputException}.
 *
 * @param amount   the amount, at the currency's scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The most digits an amount has, fraction digits included (the precision of a SQL {@code NUMERIC(38, s)}). */
    public static final int MAX_DIGITS = 38;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?([0-9]{1,64}(\\.[0-9]{0,64})?|\\.[0-9]{1,64})");

    /**
     * @throws InvalidInputException if either part is null, the currency has no minor unit (XAU, XXX), the
     *                               amount has more fraction digits than the currency, or more than
     *                               {@value #MAX_DIGITS} digits at the currency's scale
     */
    public Money {
        if (amount == null) {
            throw InvalidInputException.of("amount", "must not be null");
        }
        if (currency == null) {
            throw InvalidInputException.of("currency", "must not be null");
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw InvalidInputException.of("currency", currency.getCurrencyCode() + " is not a currency of money");
        }
        // Checked on the value without trailing zeros, before setScale: an amount like 1E+999999999 or
        // 1E-999999999 is refused at once instead of being written out digit by digit.
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            String shown = stripped.scale() <= MAX_DIGITS ? stripped.toPlainString() : stripped.toString();
            throw InvalidInputException.of("amount", shown + " has more than " + digits
                    + " fraction digits, which " + currency.getCurrencyCode() + " does not have");
        }
        if (stripped.precision() - stripped.scale() > MAX_DIGITS - digits) {
            throw InvalidInputException.of("amount", "must have at most " + MAX_DIGITS + " digits");
        }
        amount = stripped.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** {@code amount} of {@code currency}; see the constructor for what is refused. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Parses {@code amount} (plain decimal notation, e.g. {@code "12.50"}) of the ISO 4217 {@code currencyCode}.
     *
     * @throws InvalidInputException if either is null or malformed, or the amount does not fit the currency
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /** Zero of {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The ISO 4217 currency with this code.
     *
     * @throws InvalidInputException if the code is null or unknown
     */
    public static Currency currency(String currencyCode) {
        if (currencyCode == null) {
            throw InvalidInputException.of("currency", "must not be null");
        }
        try {
            return Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("currency", "'" + currencyCode + "' is not an ISO 4217 currency code");
        }
    }

    private static BigDecimal parseAmount(String amount) {
        if (amount == null) {
            throw InvalidInputException.of("amount", "must not be null");
        }
        String trimmed = amount.trim();
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw InvalidInputException.of("amount", "'" + amount + "' is not a decimal number in plain notation,"
                    + " such as 12.50");
        }
        return new BigDecimal(trimmed);
    }

    /** The sum; refuses another currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The difference; refuses another currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The amount with the opposite sign. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The amount times {@code factor}, rounded to the currency's scale with {@code rounding}. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        if (factor == null || rounding == null) {
            throw InvalidInputException.of("factor", "factor and rounding must not be null");
        }
        try {
            return new Money(amount.multiply(factor).setScale(amount.scale(), rounding), currency);
        } catch (ArithmeticException e) {
            throw InvalidInputException.of("factor", "the product needs rounding, which " + rounding + " forbids");
        }
    }

    /**
     * {@code percent} percent of this amount, rounded half-even to the currency's scale: the weighted amount of a
     * deal is {@code amount.percent(probability)}.
     */
    public Money percent(BigDecimal percent) {
        if (percent == null) {
            throw InvalidInputException.of("percent", "must not be null");
        }
        return new Money(amount.multiply(percent).divide(HUNDRED, amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Orders amounts of the same currency; refuses another currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (other == null) {
            throw InvalidInputException.of("money", "must not be null");
        }
        if (!currency.equals(other.currency)) {
            throw InvalidInputException.of("currency", "cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode() + ": amounts of different currencies are never added");
        }
    }

    /** For example {@code 12.50 EUR}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
