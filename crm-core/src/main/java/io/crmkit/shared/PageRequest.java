package io.crmkit.shared;

/**
 * Which page of a list to return: the first one, or the one after a cursor that an earlier {@link Page} handed
 * out, with at most {@code size} items.
 *
 * <p>Cursors are opaque and tamper-evident: a cursor that was altered, made up, issued for another query or
 * another tenant, or by a {@code Crm} with a different cursor secret is refused with an
 * {@link InvalidInputException} on the path {@code cursor}, never silently misread.
 *
 * @param cursor the cursor of the previous page, or null for the first page
 * @param size   the maximum number of items, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(String cursor, int size) {

    /** The largest page crmkit returns. */
    public static final int MAX_SIZE = 1000;

    /** The page size used by {@link #first()}. */
    public static final int DEFAULT_SIZE = 50;

    /** @throws InvalidInputException if size is out of range or the cursor is blank */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "must be between 1 and " + MAX_SIZE);
        }
        if (cursor != null && cursor.isBlank()) {
            throw InvalidInputException.of("cursor", "must not be blank; pass null for the first page");
        }
    }

    /** The first page, of {@value #DEFAULT_SIZE} items. */
    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_SIZE);
    }

    /** The first page, of at most {@code size} items. */
    public static PageRequest first(int size) {
        return new PageRequest(null, size);
    }

    /** The page after {@code cursor}, of at most {@code size} items. */
    public static PageRequest after(String cursor, int size) {
        if (cursor == null) {
            throw InvalidInputException.of("cursor", "must not be null; use PageRequest.first for the first page");
        }
        return new PageRequest(cursor, size);
    }

    /** Whether this asks for the first page. */
    public boolean isFirst() {
        return cursor == null;
    }
}
