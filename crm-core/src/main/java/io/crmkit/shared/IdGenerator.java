package io.crmkit.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the UUIDs behind every new id. The domain never calls {@link UUID#randomUUID()}; it asks the generator
 * given to the {@code Crm} builder, so that tests can make ids deterministic.
 *
 * <p>The default, {@link #uuidV7(Clock)}, makes RFC 9562 version-7 UUIDs: time-ordered, so that new records
 * land at the end of database indexes, and monotonic within one generator even within one millisecond.
 * Implementations must be thread-safe and must never return the same UUID twice.
 */
@FunctionalInterface
public interface IdGenerator {

    /** A new, never before returned UUID. */
    UUID next();

    /** Version-7 UUIDs whose timestamps come from {@code clock}, with random bits from a {@link SecureRandom}. */
    static IdGenerator uuidV7(Clock clock) {
        return new UuidV7Generator(clock, new SecureRandom());
    }

    /**
     * Version-7 UUIDs from {@code clock} with random bits from {@code random}: with a seeded {@link Random} and a
     * fixed clock the sequence is reproducible, which is what tests want.
     */
    static IdGenerator uuidV7(Clock clock, Random random) {
        return new UuidV7Generator(clock, random);
    }
}
