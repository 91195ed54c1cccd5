package io.crmkit.internal;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.spi.Slice;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns keyset {@link Slice}s of the SPI into {@link Page}s with signed cursors, and back. */
final class Paging {

    private Paging() {
    }

    /**
     * Fetches one page.
     *
     * @param scope    what the cursor is valid for: tenant, query and every filter
     * @param request  the page request (null is refused)
     * @param decode   reads a position from a verified cursor
     * @param fetch    fetches the slice after a position (null for the first page) with a limit
     * @param position writes the position of an item
     */
    static <T, P> Page<T> page(CursorCodec codec, String scope, PageRequest request, Function<ByteBuffer, P> decode,
                               BiFunction<P, Integer, Slice<T>> fetch, Function<T, byte[]> position) {
        if (request == null) {
            throw InvalidInputException.of("page", "must not be null");
        }
        P after = null;
        if (!request.isFirst()) {
            ByteBuffer buffer = codec.decode(scope, request.cursor());
            try {
                after = decode.apply(buffer);
            } catch (java.nio.BufferUnderflowException e) {
                throw InvalidInputException.of("cursor", "is not a cursor of this query");
            }
            CursorCodec.requireFullyRead(buffer);
        }
        Slice<T> slice = fetch.apply(after, request.size());
        List<T> items = slice.items();
        String next = slice.hasMore() && !items.isEmpty()
                ? codec.encode(scope, position.apply(items.get(items.size() - 1)))
                : null;
        return new Page<>(items, next, request.size());
    }
}
