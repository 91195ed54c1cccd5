package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Writes fields, leaving out nulls. Internal to this module. */
final class JsonOut {

    private JsonOut() {
    }

    static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    static void uuid(JsonGenerator g, String field, UUID value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    /** An ISO-8601 duration such as {@code "PT72H"}. */
    static void duration(JsonGenerator g, String field, Duration value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    static void enumValue(JsonGenerator g, String field, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.name());
        }
    }

    static <T> void value(JsonGenerator g, String field, T value, Codec<T> codec) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            codec.write(g, value);
        }
    }

    static <T> void list(JsonGenerator g, String field, Collection<T> values, Codec<T> codec) throws IOException {
        g.writeArrayFieldStart(field);
        for (T value : values) {
            codec.write(g, value);
        }
        g.writeEndArray();
    }

    static <T> void map(JsonGenerator g, String field, Map<String, T> values, Codec<T> codec) throws IOException {
        g.writeFieldName(field);
        map(g, values, codec);
    }

    static <T> void map(JsonGenerator g, Map<String, T> values, Codec<T> codec) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, T> entry : values.entrySet()) {
            g.writeFieldName(entry.getKey());
            codec.write(g, entry.getValue());
        }
        g.writeEndObject();
    }
}
