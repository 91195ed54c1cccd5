package io.crmkit.shared;

import java.util.Objects;
import java.util.UUID;

/** Helpers shared by every typed id. */
public final class Ids {

    private Ids() {
    }

    /**
     * Compares two UUIDs as unsigned 128-bit numbers (the order of their canonical text and of their bytes).
     * {@link UUID#compareTo} compares signed halves and disagrees with databases; crmkit never uses it for order.
     */
    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /**
     * Parses the canonical text form of a UUID.
     *
     * @param path  the property path to name in the error
     * @param value the text
     * @throws InvalidInputException if {@code value} is null or not a UUID in canonical form
     */
    public static UUID parse(String path, String value) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        try {
            UUID uuid = UUID.fromString(value);
            // UUID.fromString accepts short forms like "1-2-3-4-5"; only the canonical 36-character form is an id.
            if (value.length() != 36 || !uuid.toString().equalsIgnoreCase(value)) {
                throw InvalidInputException.of(path, "must be a UUID in canonical form");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(path, "must be a UUID in canonical form");
        }
    }

    static UUID require(String type, UUID value) {
        if (value == null) {
            throw InvalidInputException.of(type, "must not be null");
        }
        return Objects.requireNonNull(value);
    }
}
