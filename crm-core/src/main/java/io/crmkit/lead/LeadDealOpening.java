package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;

/**
 * What a conversion asks the pipeline support ({@link ConversionDealPort}) to open.
 *
 * @param tenantId the tenant
 * @param customer the person customer the lead became
 * @param lead     the lead: the deal's source lead
 * @param name     what the deal is about: the request's title, else the lead's company and name
 * @param owner    the deal's owner: the lead's owner, else the converting user; never null
 * @param by       the converting user, or null
 * @param campaign the lead's last-touch campaign, or null
 * @param deal     pipeline, amount and expected close date
 */
public record LeadDealOpening(TenantId tenantId, CustomerId customer, LeadId lead, String name, UserId owner,
                              UserId by, String campaign, ConversionDeal deal) {
}
