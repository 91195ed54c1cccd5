package io.crmkit.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reads the fields of one JSON object, naming the field in every complaint. Internal to this module. */
final class JsonIn {

    private final JsonNode node;
    private final String what;

    private JsonIn(JsonNode node, String what) {
        this.node = node;
        this.what = what;
    }

    /** The fields of {@code node}, which must be an object describing a {@code what}. */
    static JsonIn object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new BadJson(what + " must be a JSON object");
        }
        return new JsonIn(node, what);
    }

    /** The field's node, or null if it is absent or JSON null. */
    JsonNode opt(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode req(String field) {
        JsonNode value = opt(field);
        if (value == null) {
            throw new BadJson(what + "." + field + " is required");
        }
        return value;
    }

    String text(String field) {
        return text(req(field), field);
    }

    String optText(String field) {
        JsonNode value = opt(field);
        return value == null ? null : text(value, field);
    }

    private String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new BadJson(what + "." + field + " must be a string");
        }
        return value.textValue();
    }

    boolean bool(String field, boolean absent) {
        JsonNode value = opt(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new BadJson(what + "." + field + " must be true or false");
        }
        return value.booleanValue();
    }

    long longValue(String field) {
        return longValue(req(field), what + "." + field);
    }

    Long optLong(String field) {
        JsonNode value = opt(field);
        return value == null ? null : longValue(value, what + "." + field);
    }

    Integer optInt(String field) {
        Long value = optLong(field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadJson(what + "." + field + " is out of range");
        }
        return value.intValue();
    }

    int intValue(String field) {
        return intValue(req(field), what + "." + field);
    }

    /** A whole number in the range of an {@code int}, written as a JSON number or as a string of digits. */
    static int intValue(JsonNode value, String name) {
        long number = longValue(value, name);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new BadJson(name + " is out of range");
        }
        return (int) number;
    }

    /** A whole number written as a JSON number or as a string of digits. */
    static long longValue(JsonNode value, String name) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new BadJson(name + " must be a whole number");
    }

    BigDecimal decimal(String field) {
        return decimal(req(field), what + "." + field);
    }

    /** An exact decimal, written as a string ({@code "12.50"}); never read from a binary floating point number. */
    static BigDecimal decimal(JsonNode value, String name) {
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue());
            } catch (NumberFormatException e) {
                throw new BadJson(name + " must be a decimal number such as \"12.50\"");
            }
        }
        if (value.isIntegralNumber() || value.isBigDecimal()) {
            return value.decimalValue();
        }
        throw new BadJson(name + " must be a decimal number written as a string, such as \"12.50\"");
    }

    Instant instant(String field) {
        return instant(req(field), field);
    }

    Instant optInstant(String field) {
        JsonNode value = opt(field);
        return value == null ? null : instant(value, field);
    }

    private Instant instant(JsonNode value, String field) {
        try {
            return Instant.parse(text(value, field));
        } catch (DateTimeParseException e) {
            throw new BadJson(what + "." + field + " must be an ISO-8601 instant such as 2024-05-01T10:15:30Z");
        }
    }

    LocalDate date(String field) {
        return date(req(field), what + "." + field);
    }

    LocalDate optDate(String field) {
        JsonNode value = opt(field);
        return value == null ? null : date(value, what + "." + field);
    }

    static LocalDate date(JsonNode value, String name) {
        if (!value.isTextual()) {
            throw new BadJson(name + " must be an ISO-8601 date such as 2024-05-01");
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw new BadJson(name + " must be an ISO-8601 date such as 2024-05-01");
        }
    }

    UUID uuid(String field) {
        return uuid(req(field), what + "." + field);
    }

    UUID optUuid(String field) {
        JsonNode value = opt(field);
        return value == null ? null : uuid(value, what + "." + field);
    }

    /** A value written as a plain string, such as a user id: {@code make} checks it. */
    <T> T string(String field, Function<String, T> make) {
        return make.apply(text(field));
    }

    <T> T optString(String field, Function<String, T> make) {
        String value = optText(field);
        return value == null ? null : make.apply(value);
    }

    /** A typed id, written as its canonical UUID string. */
    <T> T id(String field, Function<UUID, T> make) {
        return make.apply(uuid(field));
    }

    <T> T optId(String field, Function<UUID, T> make) {
        UUID value = optUuid(field);
        return value == null ? null : make.apply(value);
    }

    static UUID uuid(JsonNode value, String name) {
        if (value.isTextual()) {
            String text = value.textValue();
            try {
                UUID uuid = UUID.fromString(text);
                if (text.length() == 36) {
                    return uuid;
                }
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw new BadJson(name + " must be a UUID in canonical form");
    }

    /** An ISO-8601 duration such as {@code "PT72H"}. */
    Duration duration(String field) {
        return duration(req(field), field);
    }

    private Duration duration(JsonNode value, String field) {
        try {
            return Duration.parse(text(value, field));
        } catch (DateTimeParseException e) {
            throw new BadJson(what + "." + field + " must be an ISO-8601 duration such as PT72H");
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return enumValue(req(field), what + "." + field, type);
    }

    <E extends Enum<E>> E optEnum(String field, Class<E> type) {
        JsonNode value = opt(field);
        return value == null ? null : enumValue(value, what + "." + field, type);
    }

    static <E extends Enum<E>> E enumValue(JsonNode value, String name, Class<E> type) {
        if (value.isTextual()) {
            try {
                return Enum.valueOf(type, value.textValue());
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw new BadJson(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    <T> T value(String field, Codec<T> codec) {
        return codec.read(req(field));
    }

    <T> T optValue(String field, Codec<T> codec) {
        JsonNode value = opt(field);
        return value == null ? null : codec.read(value);
    }

    /** A JSON array of values, each read by {@code codec}; absent means empty. */
    <T> List<T> list(String field, Codec<T> codec) {
        JsonNode value = opt(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadJson(what + "." + field + " must be a JSON array");
        }
        List<T> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (item.isNull()) {
                throw new BadJson(what + "." + field + " must not contain null");
            }
            items.add(codec.read(item));
        }
        return items;
    }

    /** A JSON object whose values are read by {@code codec}, in the object's order; absent means empty. */
    <T> Map<String, T> map(String field, Codec<T> codec) {
        JsonNode value = opt(field);
        if (value == null) {
            return Map.of();
        }
        return map(value, what + "." + field, codec);
    }

    static <T> Map<String, T> map(JsonNode value, String name, Codec<T> codec) {
        if (!value.isObject()) {
            throw new BadJson(name + " must be a JSON object");
        }
        Map<String, T> items = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isNull()) {
                throw new BadJson(name + "." + entry.getKey() + " must not be null");
            }
            items.put(entry.getKey(), codec.read(entry.getValue()));
        }
        return items;
    }

    /** JSON that does not have the shape crmkit writes. */
    static final class BadJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadJson(String message) {
            super(message);
        }
    }
}
