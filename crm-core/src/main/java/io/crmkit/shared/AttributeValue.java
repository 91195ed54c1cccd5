package io.crmkit.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A typed value of a custom attribute, a preference or a free attribute: text, integer, decimal, boolean, date, or
 * one of a fixed list of values. Values are immutable and compare by value, so that a stored attribute reads back
 * equal to what was written.
 */
public sealed interface AttributeValue {

    /** The longest text value crmkit stores. */
    int MAX_TEXT_LENGTH = 4000;

    /** The kind of value. */
    AttributeType type();

    /** The value as text, as a host would display it. */
    String asText();

    /** A text value. */
    static Text text(String value) {
        return new Text(value);
    }

    /** An integer value. */
    static IntegerValue integer(long value) {
        return new IntegerValue(value);
    }

    /** A decimal value. */
    static DecimalValue decimal(BigDecimal value) {
        return new DecimalValue(value);
    }

    /** A decimal value parsed from plain decimal notation. */
    static DecimalValue decimal(String value) {
        try {
            return new DecimalValue(new BigDecimal(Objects.requireNonNull(value, "value")));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInputException.of("value", "'" + value + "' is not a decimal number");
        }
    }

    /** A boolean value. */
    static BooleanValue bool(boolean value) {
        return new BooleanValue(value);
    }

    /** A date value. */
    static DateValue date(LocalDate value) {
        return new DateValue(value);
    }

    /** {@code value}, which must be one of {@code options}. */
    static OneOf oneOf(String value, List<String> options) {
        return new OneOf(value, options);
    }

    /** The kinds of attribute values. */
    enum AttributeType {
        TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, ONE_OF
    }

    /** Text, at most {@value AttributeValue#MAX_TEXT_LENGTH} characters. */
    record Text(String value) implements AttributeValue {
        public Text {
            if (value == null) {
                throw InvalidInputException.of("value", "must not be null");
            }
            if (value.length() > MAX_TEXT_LENGTH) {
                throw InvalidInputException.of("value", "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
            StorableText.require("value", value);
        }

        @Override
        public AttributeType type() {
            return AttributeType.TEXT;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /** A 64-bit integer. */
    record IntegerValue(long value) implements AttributeValue {
        @Override
        public AttributeType type() {
            return AttributeType.INTEGER;
        }

        @Override
        public String asText() {
            return Long.toString(value);
        }
    }

    /**
     * An exact decimal. Trailing zeros are removed ({@code 2.50} is stored as {@code 2.5}) so that equal numbers
     * are equal values whatever storage they went through.
     */
    record DecimalValue(BigDecimal value) implements AttributeValue {
        public DecimalValue {
            if (value == null) {
                throw InvalidInputException.of("value", "must not be null");
            }
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            long fractionDigits = Math.max(value.scale(), 0);
            long integerDigits = Math.max((long) value.precision() - value.scale(), 0);
            if (fractionDigits > 18 || integerDigits + fractionDigits > 38) {
                throw InvalidInputException.of("value", "must have at most 38 digits, 18 of them after the point");
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.DECIMAL;
        }

        @Override
        public String asText() {
            return value.toPlainString();
        }
    }

    /** A boolean. */
    record BooleanValue(boolean value) implements AttributeValue {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }

    /** A calendar date without time zone. */
    record DateValue(LocalDate value) implements AttributeValue {
        public DateValue {
            StorableText.requireDate("value", value);
        }

        @Override
        public AttributeType type() {
            return AttributeType.DATE;
        }

        @Override
        public String asText() {
            return value.toString();
        }
    }

    /**
     * One value out of a fixed list, like an enum the host defines: {@code oneOf("gold", List.of("bronze",
     * "silver", "gold"))}. The options travel with the value so that it can be shown and validated without a
     * schema.
     */
    record OneOf(String value, List<String> options) implements AttributeValue {
        public OneOf {
            if (value == null || options == null || options.stream().anyMatch(Objects::isNull)) {
                throw InvalidInputException.of("value", "value and options must not be null");
            }
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > 100) {
                throw InvalidInputException.of("value", "must have 1 to 100 options");
            }
            if (options.stream().anyMatch(o -> o.isBlank() || o.length() > 100)) {
                throw InvalidInputException.of("value", "options must be 1 to 100 characters");
            }
            if (options.stream().distinct().count() != options.size()) {
                throw InvalidInputException.of("value", "options must be distinct");
            }
            if (!options.contains(value)) {
                throw InvalidInputException.of("value", "'" + value + "' is not one of " + options);
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.ONE_OF;
        }

        @Override
        public String asText() {
            return value;
        }
    }
}
