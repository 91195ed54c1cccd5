package io.crmkit.spi;

import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import java.util.Optional;

/** Stores relationships, each once, readable from both ends. */
public interface RelationshipStore {

    /**
     * Stores a new relationship.
     *
     * @throws io.crmkit.shared.StorageException         if a relationship with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code relationship.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Relationship relationship);

    /** The relationship, if it exists in {@code tenant}. */
    Optional<Relationship> find(TenantId tenant, RelationshipId id);

    /** The relationship {@code from} {@code type} {@code to} in exactly this direction, if it exists. */
    Optional<Relationship> find(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to);

    /** Removes the relationship; returns whether it existed. */
    boolean delete(TenantId tenant, RelationshipId id);

    /**
     * The relationships with {@code customer} at either end, ordered by relationship id ascending, after
     * {@code after} (null for the start), at most {@code limit}.
     */
    Slice<Relationship> involving(TenantId tenant, CustomerId customer, RelationshipId after, int limit);
}
