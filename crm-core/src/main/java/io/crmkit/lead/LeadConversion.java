package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.util.List;

/**
 * What a lead became when it was converted: kept on the lead (its link to the customer, organisation and deal), so
 * that converting it again returns the first result.
 *
 * @param customerId          the person customer
 * @param customerCreated     whether that customer was created (true) or matched (false)
 * @param organisationId      the organisation, or null if none was asked for
 * @param organisationCreated whether the organisation was created (false when matched or absent)
 * @param worksAtId           the "works at" relationship between person and organisation, or null
 * @param dealId              the deal opened, or null if none was asked for
 * @param writtenFields       the customer fields the conversion wrote, in order ({@code givenName},
 *                            {@code emails}, {@code attributes.industry}, {@code organisation.domain}, ...)
 * @param touchpointsMoved    how many of the lead's touchpoints moved to the customer's history
 * @param convertedAt         when
 * @param convertedBy         the user who converted it, or null
 */
public record LeadConversion(CustomerId customerId, boolean customerCreated, CustomerId organisationId,
                             boolean organisationCreated, RelationshipId worksAtId, DealId dealId,
                             List<String> writtenFields, long touchpointsMoved, Instant convertedAt,
                             UserId convertedBy) {

    /** @throws InvalidInputException if the customer or the instant is missing, or the parts disagree */
    public LeadConversion {
        if (customerId == null) {
            throw InvalidInputException.of("conversion.customerId", "must not be null");
        }
        if (organisationId == null && (organisationCreated || worksAtId != null)) {
            throw InvalidInputException.of("conversion.organisationId",
                    "an organisation created or related needs its id");
        }
        if (touchpointsMoved < 0) {
            throw InvalidInputException.of("conversion.touchpointsMoved", "must not be negative");
        }
        writtenFields = writtenFields == null ? List.of() : List.copyOf(writtenFields);
        convertedAt = Timestamps.normalise("conversion.convertedAt", convertedAt);
    }
}
