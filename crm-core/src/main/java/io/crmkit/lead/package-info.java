/**
 * Leads: people who might become customers. Capture with attribution ({@link io.crmkit.lead.LeadCapture},
 * {@link io.crmkit.lead.LeadSource}), owner assignment ({@link io.crmkit.lead.LeadAssignmentStrategy}), status and
 * qualification ({@link io.crmkit.lead.LeadStatus}, MQL by {@link io.crmkit.lead.MarketingQualificationRule}, SQL by
 * the BANT {@link io.crmkit.lead.BantChecklist} under a {@link io.crmkit.lead.SalesQualificationPolicy}),
 * explainable scoring ({@link io.crmkit.lead.ScoringModel}, a pure function) and conversion into customers
 * ({@link io.crmkit.lead.ConversionRequest}). The service is {@link io.crmkit.lead.Leads}.
 */
package io.crmkit.lead;
