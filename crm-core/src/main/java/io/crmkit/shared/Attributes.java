package io.crmkit.shared;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Rules for the keys of custom attributes, preferences and free attributes. */
public final class Attributes {

    /** At most this many attributes per record. */
    public static final int MAX_ENTRIES = 200;

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private Attributes() {
    }

    /** Whether {@code key} is a valid key: a letter, then up to 63 letters, digits or {@code _ . -}. */
    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * An immutable copy sorted by key.
     *
     * @param path the property path to name in errors
     * @throws InvalidInputException for a null map, key or value, an invalid key or too many entries
     */
    public static Map<String, AttributeValue> copyOf(String path, Map<String, AttributeValue> attributes) {
        if (attributes == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        if (attributes.size() > MAX_ENTRIES) {
            throw InvalidInputException.of(path, "must have at most " + MAX_ENTRIES + " entries");
        }
        TreeMap<String, AttributeValue> copy = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (!isValidKey(key)) {
                throw InvalidInputException.of(path + "[" + key + "]",
                        "key must be a letter followed by up to 63 letters, digits or _ . -");
            }
            if (value == null) {
                throw InvalidInputException.of(path + "[" + key + "]", "must not be null");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
