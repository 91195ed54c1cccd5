package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.StorableText;
import java.time.LocalDate;

/**
 * The deal to open when converting a lead: in {@code pipeline}'s first open stage, for the converted person
 * customer, with the lead as its source and the lead's last-touch campaign.
 *
 * @param pipeline          the pipeline's id or key as the pipeline support knows it, or null for the tenant's
 *                          default pipeline
 * @param title             the deal's title, 1–200 characters, or null for one made from the lead's name
 * @param amount            the expected amount; required
 * @param expectedCloseDate when it is expected to close; required
 */
public record ConversionDeal(String pipeline, String title, Money amount, LocalDate expectedCloseDate) {

    /** @throws InvalidInputException naming what is missing or malformed */
    public ConversionDeal {
        pipeline = LeadTexts.optional("deal.pipeline", pipeline, 100);
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
    public ConversionDeal inPipeline(String pipeline) {
        return new ConversionDeal(pipeline, title, amount, expectedCloseDate);
    }

    /** This deal titled {@code title}. */
    public ConversionDeal titled(String title) {
        return new ConversionDeal(pipeline, title, amount, expectedCloseDate);
    }
}
