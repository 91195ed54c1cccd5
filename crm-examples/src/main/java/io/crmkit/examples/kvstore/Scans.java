package io.crmkit.examples.kvstore;

import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the stores share: turning a range scan into a {@link Slice}, and keeping secondary index keys current. */
final class Scans {

    private Scans() {
    }

    /**
     * The first {@code limit} entries of {@code scan} that {@code keep} accepts, resolved to records, and whether more
     * follow. It reads at most {@code limit + 1} matching entries, as an SQL adapter fetches {@code limit + 1} rows.
     */
    static <T> Slice<T> slice(Iterable<Map.Entry<String, Object>> scan, Function<Object, T> resolve,
                              Predicate<T> keep, int limit) {
        List<T> page = new ArrayList<>(Math.min(limit, 1000) + 1);
        for (Map.Entry<String, Object> entry : scan) {
            T record = resolve.apply(entry.getValue());
            if (keep.test(record)) {
                page.add(record);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        return Slice.of(page, limit);
    }

    /** {@link #slice(Iterable, Function, Predicate, int)} keeping every entry. */
    static <T> Slice<T> slice(Iterable<Map.Entry<String, Object>> scan, Function<Object, T> resolve, int limit) {
        return slice(scan, resolve, record -> true, limit);
    }

    /**
     * Moves a record's secondary index entries from the keys of its old version to those of its new one: removes
     * the keys only the old one has, writes the new one's (each index entry's value is {@code value}, typically the
     * record's id). Either key set may be empty (an insert, a delete).
     */
    static void reindex(OrderedKeyValueStore.Transaction tx, Collection<String> before, Collection<String> after,
                        Object value) {
        Set<String> keep = Set.copyOf(after);
        for (String key : before) {
            if (!keep.contains(key)) {
                tx.delete(key);
            }
        }
        for (String key : after) {
            tx.put(key, value);
        }
    }
}
