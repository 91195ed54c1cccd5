package io.crmkit.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, in the list's order, and the cursor to the next page if there is one.
 *
 * <p>Paging is by keyset: the cursor remembers the last item, not an offset, so that paging through a list
 * while items are being added neither skips nor repeats an item that was there when paging began.
 *
 * @param <T> the items
 */
public final class Page<T> {

    private final List<T> items;
    private final String nextCursor;
    private final int requestedSize;

    /**
     * @param items         the items of this page
     * @param nextCursor    the cursor of the next page, or null if this is the last page
     * @param requestedSize the page size that was asked for
     */
    public Page(List<T> items, String nextCursor, int requestedSize) {
        this.items = List.copyOf(items);
        this.nextCursor = nextCursor;
        this.requestedSize = requestedSize;
    }

    /** The items of this page; an empty list for an empty result. */
    public List<T> items() {
        return items;
    }

    /** The cursor of the next page; empty when this is the last page. */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether there is a next page. */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The request for the next page, of the same size as this one's; empty when this is the last page. */
    public Optional<PageRequest> nextRequest() {
        return nextCursor().map(cursor -> PageRequest.after(cursor, requestedSize));
    }

    /** The number of items on this page. */
    public int size() {
        return items.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> other && items.equals(other.items) && Objects.equals(nextCursor, other.nextCursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, nextCursor);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (hasNext() ? ", more" : ", last") + "]";
    }
}
