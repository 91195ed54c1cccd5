package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Writes one type to JSON and reads it back from a tree. Internal to this module. */
interface Codec<T> {

    /** Writes {@code value} (never null) as one JSON value. */
    void write(JsonGenerator g, T value) throws IOException;

    /**
     * Reads a value from {@code node} (never a JSON null).
     *
     * @throws JsonIn.BadJson                          if the JSON does not have the expected shape
     * @throws io.crmkit.shared.InvalidInputException if the value breaks the domain's rules
     */
    T read(JsonNode node);
}
