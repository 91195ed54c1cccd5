package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StorableText;
import java.time.LocalDate;

/**
 * The deal to open when converting a lead: in {@code pipeline}'s first OPEN stage, for the converted person
 * customer, owned by the lead's owner (else the converting user), with the lead as its source lead and the lead's
 * last-touch campaign. Opening it moves the customer's lifecycle to OPPORTUNITY (see {@code Deals.open}).
 *
 * @param pipeline          the pipeline, or null for the tenant's default pipeline
 * @param title             the deal's name, 1–200 characters, or null for one made from the lead's company and name
 *                          (cut to 200 characters)
 * @param amount            the expected amount; required
 * @param expectedCloseDate when it is expected to close; required
 */
public record ConversionDeal(PipelineId pipeline, String title, Money amount, LocalDate expectedCloseDate) {

    /** @throws InvalidInputException naming what is missing or malformed */
    public ConversionDeal {
        title = LeadTexts.optional("deal.title", title, 200);
        LeadTexts.require("deal.amount", amount);
        StorableText.requireDate("deal.expectedCloseDate", expectedCloseDate);
        if (amount.amount().signum() < 0) {
            throw InvalidInputException.of("deal.amount", "must not be negative");
        }
    }

    /** A deal in the default pipeline. */
    public static ConversionDeal of(Money amount, LocalDate expectedCloseDate) {
        return new ConversionDeal(null, null, amount, expectedCloseDate);
    }

    /** This deal in {@code pipeline}. */
    public ConversionDeal inPipeline(PipelineId pipeline) {
        return new ConversionDeal(pipeline, title, amount, expectedCloseDate);
    }

    /** This deal titled {@code title}. */
    public ConversionDeal titled(String title) {
        return new ConversionDeal(pipeline, title, amount, expectedCloseDate);
    }
}
