package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;

/**
 * One side of a {@link Relationship}: {@code customer} {@code label} {@code other}, e.g. "Sarah — sister of —
 * Emma", or from the other side "Café Luna — employs — Tom".
 *
 * @param relationshipId the relationship; removing it removes both sides
 * @param customer       the customer this side is read from
 * @param label          the label read from {@code customer}
 * @param other          the customer at the other end
 */
public record RelatedCustomer(RelationshipId relationshipId, CustomerId customer, String label, CustomerId other) {
}
