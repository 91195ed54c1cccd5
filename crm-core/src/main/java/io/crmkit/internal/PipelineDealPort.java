package io.crmkit.internal;

import io.crmkit.lead.ConversionDeal;
import io.crmkit.lead.ConversionDealPort;
import io.crmkit.lead.LeadDealOpening;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.Deals;
import io.crmkit.shared.DealId;

/**
 * The deal part of a lead conversion, through crmkit's pipeline support: opens the deal with {@link Deals#open} in
 * the requested pipeline (or the tenant's default one) and its first OPEN stage, for the converted person, with the
 * lead as source lead and its campaign. Runs in the conversion's unit of work: a refusal undoes the conversion.
 */
final class PipelineDealPort implements ConversionDealPort {

    private final Deals deals;

    PipelineDealPort(Deals deals) {
        this.deals = deals;
    }

    @Override
    public DealId open(LeadDealOpening opening) {
        ConversionDeal deal = opening.deal();
        String name = opening.name().length() <= Deal.MAX_NAME_LENGTH ? opening.name()
                : opening.name().substring(0, Deal.MAX_NAME_LENGTH).strip();
        DealOpening.Builder builder = DealOpening.builder(opening.customer(), name, opening.owner(), deal.amount(),
                        deal.expectedCloseDate())
                .sourceLead(opening.lead()).campaign(opening.campaign()).by(opening.by());
        if (deal.pipeline() != null) {
            builder.pipeline(deal.pipeline());
        }
        return deals.open(builder.build()).deal().id();
    }
}
