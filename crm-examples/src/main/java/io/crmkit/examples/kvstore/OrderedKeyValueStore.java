package io.crmkit.examples.kvstore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The "database" of this example: an ordered, transactional key-value store, kept in this process so that the example
 * needs nothing installed. It stands in for an embedded store such as RocksDB, LMDB or FoundationDB and offers what
 * they offer: point reads and writes, range scans in key order (both directions), and transactions. Nothing in it
 * knows about crmkit; {@link KvCrmStorage} maps crmkit's SPI onto it.
 *
 * <p><b>Transactions.</b> Keys are grouped into partitions (the adapter uses one per tenant). A transaction locks its
 * partition for writing, writes in place and keeps an undo log; {@link Transaction#rollback()} replays it backwards.
 * Reads outside a transaction take the partition's read lock, so they never see half of a transaction. This is the
 * simplest model that is correct (one writer per partition at a time); a real store gives you its own.
 *
 * <p><b>Values</b> are kept as the (immutable) Java objects they are. A store that keeps bytes needs a serializer for
 * each value type, which is independent of the SPI mapping this example is about (crm-jackson writes crmkit's values
 * as JSON).
 */
final class OrderedKeyValueStore {

    /** Marks, in the undo log, a key that had no value. */
    private static final Object ABSENT = new Object();

    private final ConcurrentSkipListMap<String, Object> entries = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    /** Reads of the store: point reads and range scans. */
    interface View {

        /** The value at {@code key}, or null. */
        Object get(String key);

        /**
         * The entries with keys between {@code from} and {@code to} (either null for open), in ascending or
         * descending key order. The result is a live view: iterate it right away, inside the read or transaction.
         */
        Iterable<Map.Entry<String, Object>> scan(String from, boolean fromInclusive, String to, boolean toInclusive,
                                                 boolean descending);
    }

    /** Runs {@code read} under the read lock of {@code partition}. */
    <T> T read(String partition, Function<View, T> read) {
        ReentrantReadWriteLock lock = lock(partition);
        lock.readLock().lock();
        try {
            return read.apply(new Reader());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Starts a transaction on {@code partition}, waiting until no other one runs there. */
    Transaction begin(String partition) {
        ReentrantReadWriteLock lock = lock(partition);
        lock.writeLock().lock();
        return new Transaction(lock);
    }

    private ReentrantReadWriteLock lock(String partition) {
        return locks.computeIfAbsent(partition, p -> new ReentrantReadWriteLock());
    }

    private class Reader implements View {
        @Override
        public Object get(String key) {
            return entries.get(key);
        }

        @Override
        public Iterable<Map.Entry<String, Object>> scan(String from, boolean fromInclusive, String to,
                                                        boolean toInclusive, boolean descending) {
            NavigableMap<String, Object> range;
            if (from != null && to != null) {
                if (from.compareTo(to) > 0) {
                    return Map.<String, Object>of().entrySet();
                }
                range = entries.subMap(from, fromInclusive, to, toInclusive);
            } else if (from != null) {
                range = entries.tailMap(from, fromInclusive);
            } else if (to != null) {
                range = entries.headMap(to, toInclusive);
            } else {
                range = entries;
            }
            return (descending ? range.descendingMap() : range).entrySet();
        }
    }

    /** One transaction: reads see its own writes; {@link #commit()} or {@link #rollback()} ends it. */
    final class Transaction extends Reader {
        private final ReentrantReadWriteLock lock;
        private final Deque<Map.Entry<String, Object>> undo = new ArrayDeque<>();
        private boolean open = true;

        private Transaction(ReentrantReadWriteLock lock) {
            this.lock = lock;
        }

        /** Sets the value at {@code key}. */
        void put(String key, Object value) {
            requireOpen();
            Object before = entries.put(key, value);
            undo.push(Map.entry(key, before == null ? ABSENT : before));
        }

        /** Removes the value at {@code key}, if any. */
        void delete(String key) {
            requireOpen();
            Object before = entries.remove(key);
            if (before != null) {
                undo.push(Map.entry(key, before));
            }
        }

        /** Makes the writes permanent and ends the transaction. */
        void commit() {
            end();
        }

        /** Undoes every write of the transaction and ends it. */
        void rollback() {
            requireOpen();
            while (!undo.isEmpty()) {
                Map.Entry<String, Object> step = undo.pop();
                if (step.getValue() == ABSENT) {
                    entries.remove(step.getKey());
                } else {
                    entries.put(step.getKey(), step.getValue());
                }
            }
            end();
        }

        private void end() {
            requireOpen();
            open = false;
            undo.clear();
            lock.writeLock().unlock();
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("the transaction has ended");
            }
        }
    }
}
