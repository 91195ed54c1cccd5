package io.crmkit.pipeline;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What is needed to open a deal.
 *
 * <pre>{@code
 * DealOpening opening = DealOpening.builder(cafeLuna.id(), "Candles for Café Luna", alice,
 *                 Money.of("1200.00", "EUR"), LocalDate.of(2026, 12, 15))
 *         .sourceLead(lead.id())          // when a lead is converted
 *         .campaign("christmas-fair")
 *         .build();
 * }</pre>
 *
 * @param customerId        the customer (person or organisation)
 * @param name              what the deal is about, 1 to {@value Deal#MAX_NAME_LENGTH} characters
 * @param owner             the user responsible for it
 * @param amount            its value, not negative
 * @param expectedCloseDate when it is expected to close
 * @param pipelineId        the pipeline, or null for the tenant's default pipeline
 * @param stageId           an active OPEN stage of that pipeline, or null for its first one
 * @param probability       a probability (0–100) overriding the stage's default, or null for the default
 * @param sourceLeadId      the lead it came from, or null
 * @param campaign          the campaign it is attributed to, or null
 * @param by                the acting user; the owner if null
 */
public record DealOpening(
        @NotNull CustomerId customerId,
        @NotBlank @Size(max = Deal.MAX_NAME_LENGTH) String name,
        @NotNull UserId owner,
        @NotNull Money amount,
        @NotNull LocalDate expectedCloseDate,
        PipelineId pipelineId,
        StageId stageId,
        @Min(0) @Max(100) Integer probability,
        LeadId sourceLeadId,
        @Size(max = Deal.MAX_CAMPAIGN_LENGTH) String campaign,
        UserId by) {

    /** Starts an opening with what every deal has. */
    public static Builder builder(CustomerId customerId, String name, UserId owner, Money amount,
                                  LocalDate expectedCloseDate) {
        return new Builder(customerId, name, owner, amount, expectedCloseDate);
    }

    /** Builds a {@link DealOpening}; validated when submitted, not here. */
    public static final class Builder {
        private final CustomerId customerId;
        private final String name;
        private final UserId owner;
        private final Money amount;
        private final LocalDate expectedCloseDate;
        private PipelineId pipelineId;
        private StageId stageId;
        private Integer probability;
        private LeadId sourceLeadId;
        private String campaign;
        private UserId by;

        private Builder(CustomerId customerId, String name, UserId owner, Money amount, LocalDate expectedCloseDate) {
            this.customerId = customerId;
            this.name = name;
            this.owner = owner;
            this.amount = amount;
            this.expectedCloseDate = expectedCloseDate;
        }

        /** The pipeline; the tenant's default pipeline if not given. */
        public Builder pipeline(PipelineId pipelineId) {
            this.pipelineId = pipelineId;
            return this;
        }

        /** The OPEN stage to open the deal in; the pipeline's first active OPEN stage if not given. */
        public Builder stage(StageId stageId) {
            this.stageId = stageId;
            return this;
        }

        /** A probability overriding the stage's default. */
        public Builder probability(Integer probability) {
            this.probability = probability;
            return this;
        }

        /** The lead the deal came from. */
        public Builder sourceLead(LeadId leadId) {
            this.sourceLeadId = leadId;
            return this;
        }

        /** The campaign the deal is attributed to. */
        public Builder campaign(String campaign) {
            this.campaign = campaign;
            return this;
        }

        /** The acting user, recorded in the history; the owner if not given. */
        public Builder by(UserId by) {
            this.by = by;
            return this;
        }

        public DealOpening build() {
            return new DealOpening(customerId, name, owner, amount, expectedCloseDate, pipelineId, stageId,
                    probability, sourceLeadId, campaign, by);
        }
    }
}
