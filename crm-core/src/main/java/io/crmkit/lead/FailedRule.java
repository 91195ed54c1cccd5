package io.crmkit.lead;

/**
 * One rule that a lead failed when it was asked to qualify.
 *
 * @param rule   which rule: {@code minimumScore}, {@code condition}, {@code bant.budget}, {@code bant.authority},
 *               {@code bant.need}, {@code bant.timeline}, {@code marketingQualified} or {@code mqlRule}
 * @param reason what failed, in English
 */
public record FailedRule(String rule, String reason) {
}
