package io.crmkit.spi;

import java.util.List;

/**
 * A bounded part of an ordered result: at most the requested number of items, and whether more follow. Adapters
 * typically fetch {@code limit + 1} rows to know.
 *
 * @param items   the items, in the documented order
 * @param hasMore whether items follow the last one
 * @param <T>     the items
 */
public record Slice<T>(List<T> items, boolean hasMore) {

    /** Copies the list. */
    public Slice {
        items = List.copyOf(items);
    }

    /** The first {@code limit} of {@code fetched}, which an adapter fetched with {@code limit + 1}. */
    public static <T> Slice<T> of(List<T> fetched, int limit) {
        return fetched.size() > limit ? new Slice<>(fetched.subList(0, limit), true) : new Slice<>(fetched, false);
    }

    /** An empty, final slice. */
    public static <T> Slice<T> empty() {
        return new Slice<>(List.of(), false);
    }
}
