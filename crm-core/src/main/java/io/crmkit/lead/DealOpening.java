package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;

/**
 * What a conversion asks the pipeline support to open.
 *
 * @param tenantId the tenant
 * @param customer the person customer the lead became
 * @param lead     the lead: the deal's source lead
 * @param campaign the lead's last-touch campaign, or null
 * @param owner    the deal's owner: the lead's owner, or null
 * @param deal     pipeline, title, amount and expected close date
 */
public record DealOpening(TenantId tenantId, CustomerId customer, LeadId lead, String campaign, UserId owner,
                          ConversionDeal deal) {
}
