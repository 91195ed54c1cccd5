package io.crmkit.shared;

import java.util.UUID;

/**
 * The typed id of an aggregate: a UUID (version 7, time-ordered, when made by the default {@link IdGenerator}).
 * Aggregates refer to each other by these ids, never by object reference.
 *
 * <p>Ids are ordered as unsigned 128-bit numbers, which is the byte order every database uses for UUIDs and the
 * creation order for version-7 ids; see {@link Ids#compare(UUID, UUID)}.
 */
public interface AggregateId {

    /** The UUID behind this id. */
    UUID value();
}
