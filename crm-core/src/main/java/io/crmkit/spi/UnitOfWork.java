package io.crmkit.spi;

/**
 * Work that runs inside one storage transaction.
 *
 * @param <T> its result
 */
@FunctionalInterface
public interface UnitOfWork<T> {

    /** Does the work; an exception rolls everything back. */
    T run(Transaction transaction);
}
