package io.crmkit.examples.kvstore;

import io.crmkit.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Builds the keys of the {@link OrderedKeyValueStore}: a tuple of components encoded into one string whose plain
 * {@code String} order is the order crmkit's SPI asks for. This is the one idea an adapter for an ordered key-value
 * store (RocksDB, LMDB, FoundationDB, TiKV ...) rests on: every list of the SPI becomes a range scan, and keyset
 * paging becomes "start the scan just after this key".
 *
 * <p>Every key starts with its table and its tenant, so one tenant's records of one kind are one contiguous range and
 * no scan can ever reach into another tenant. Then come the components, each encoded so that
 * <ul>
 *   <li>ids ({@link UUID}) compare unsigned, as {@link io.crmkit.shared.Ids#compare} does: 32 hex digits;</li>
 *   <li>instants, dates and numbers compare by value, negative ones included: the sign bit flipped, then hex digits
 *       of fixed width;</li>
 *   <li>strings (tenants, e-mail match keys, tags, sources) compare only for equality, but are <em>prefix-free</em>:
 *       the characters U+0000, U+0001 and U+FFFF are escaped and the string ends with U+0000, so that
 *       {@code ("ab", "c")} and {@code ("a", "bc")} never make the same key, and no key ever contains U+FFFF (which
 *       {@link #end()} uses as the upper bound of a prefix).</li>
 * </ul>
 * A byte-oriented store would do the same with bytes (FoundationDB calls it the tuple layer).
 */
final class Key {

    private static final char TERMINATOR = '\u0000';
    private static final char ESCAPE = '\u0001';
    /** Sorts after every character a key contains; see {@link #end()}. */
    private static final char HIGHEST = '\uFFFF';

    private final StringBuilder key = new StringBuilder(64);

    private Key() {
    }

    /** The start of every key of {@code table} of {@code tenant}. */
    static Key of(String table, TenantId tenant) {
        return new Key().text(table).text(tenant.value());
    }

    /** Components without table and tenant, to append to a prefix (a position inside a range). */
    static Key components() {
        return new Key();
    }

    /** Appends a string component; see the class documentation. */
    Key text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case TERMINATOR -> key.append(ESCAPE).append('\u0001');
                case ESCAPE -> key.append(ESCAPE).append('\u0002');
                case HIGHEST -> key.append(ESCAPE).append('\u0003');
                default -> key.append(c);
            }
        }
        key.append(TERMINATOR);
        return this;
    }

    /** Appends an id, in unsigned order. */
    Key id(UUID value) {
        return hex(value.getMostSignificantBits()).hex(value.getLeastSignificantBits());
    }

    /** Appends a signed number, in numeric order. */
    Key number(long value) {
        return hex(value ^ Long.MIN_VALUE);
    }

    /** Appends an instant, in time order (to the nanosecond). */
    Key instant(Instant value) {
        number(value.getEpochSecond());
        String nanos = Integer.toHexString(value.getNano());
        key.append("0".repeat(8 - nanos.length())).append(nanos);
        return this;
    }

    /** Appends a date, in time order. */
    Key date(LocalDate value) {
        return number(value.toEpochDay());
    }

    /** Appends an enum constant's name (compared for equality only). */
    Key name(Enum<?> value) {
        return text(value.name());
    }

    private Key hex(long bits) {
        String hex = Long.toHexString(bits); // unsigned
        key.append("0".repeat(16 - hex.length())).append(hex);
        return this;
    }

    /** The key built so far; used as a complete key, or as the prefix every longer key starts with. */
    @Override
    public String toString() {
        return key.toString();
    }

    /** A bound just above every key that starts with this one: the end of a prefix's range. */
    String end() {
        return key.toString() + HIGHEST;
    }
}
