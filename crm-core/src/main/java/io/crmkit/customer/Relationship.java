package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import java.time.Instant;

/**
 * A typed link between two customers of one tenant: {@code from} {@code type.label()} {@code to}, and so also
 * {@code to} {@code type.inverseLabel()} {@code from}. It is stored once and read from both sides, so the two
 * sides can never disagree; removing it removes both.
 *
 * @param id        the relationship's id
 * @param tenantId  the tenant
 * @param from      the customer the label is read from
 * @param type      the pair of labels
 * @param to        the other customer
 * @param createdAt when it was created, {@linkplain Timestamps#normalise normalised} to microseconds like every
 *                  stored instant
 */
public record Relationship(RelationshipId id, TenantId tenantId, CustomerId from, RelationshipType type,
                           CustomerId to, Instant createdAt) {

    /**
     * @throws InvalidInputException if a part is null, both ends are the same customer, or {@code createdAt} is
     *                               outside the years 1900–9999
     */
    public Relationship {
        if (id == null || tenantId == null || from == null || type == null || to == null || createdAt == null) {
            throw InvalidInputException.of("relationship", "id, tenantId, from, type, to and createdAt are required");
        }
        if (from.equals(to)) {
            throw InvalidInputException.of("to", "a customer cannot be related to itself");
        }
        createdAt = Timestamps.normalise("createdAt", createdAt);
    }

    /** Whether {@code customer} is one of the two ends. */
    public boolean involves(CustomerId customer) {
        return from.equals(customer) || to.equals(customer);
    }

    /**
     * The relationship as seen from {@code customer}'s side.
     *
     * @throws InvalidInputException if {@code customer} is not one of the ends
     */
    public RelatedCustomer seenFrom(CustomerId customer) {
        if (from.equals(customer)) {
            return new RelatedCustomer(id, from, type.label(), to);
        }
        if (to.equals(customer)) {
            return new RelatedCustomer(id, to, type.inverseLabel(), from);
        }
        throw InvalidInputException.of("customerId", customer + " is not part of relationship " + id);
    }
}
