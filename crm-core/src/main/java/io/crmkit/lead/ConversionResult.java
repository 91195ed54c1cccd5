package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.RelationshipId;
import java.util.List;
import java.util.Optional;

/**
 * What a conversion did. Converting an already converted lead returns the first conversion's result with
 * {@code alreadyConverted} set, and creates nothing.
 *
 * @param lead             the converted lead
 * @param conversion       what it became: customer (created or matched), organisation, relationship, deal, the
 *                         fields written, the touchpoints moved
 * @param alreadyConverted true if the lead was converted before this call, which changed nothing
 */
public record ConversionResult(Lead lead, LeadConversion conversion, boolean alreadyConverted) {

    /** The person customer. */
    public CustomerId customerId() {
        return conversion.customerId();
    }

    /** Whether the person customer was created (true) or matched (false). */
    public boolean customerCreated() {
        return conversion.customerCreated();
    }

    /** The organisation, if one was asked for. */
    public Optional<CustomerId> organisationId() {
        return Optional.ofNullable(conversion.organisationId());
    }

    /** Whether the organisation was created. */
    public boolean organisationCreated() {
        return conversion.organisationCreated();
    }

    /** The "works at" relationship, if an organisation was asked for. */
    public Optional<RelationshipId> worksAtId() {
        return Optional.ofNullable(conversion.worksAtId());
    }

    /** The deal, if one was asked for. */
    public Optional<DealId> dealId() {
        return Optional.ofNullable(conversion.dealId());
    }

    /** The customer fields written. */
    public List<String> writtenFields() {
        return conversion.writtenFields();
    }
}
