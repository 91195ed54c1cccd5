package io.crmkit.customer;

import io.crmkit.shared.TextRules;

/**
 * Which customers {@link Customers#list(CustomerQuery, io.crmkit.shared.PageRequest)} returns. Results are ordered
 * by id, which for version-7 ids is registration order.
 *
 * @param kind            only persons or only organisations, or null for both
 * @param lifecycleStage  only customers in this stage, or null for all
 * @param tag             only customers with this tag, or null for all
 * @param includeArchived whether archived customers are included
 */
public record CustomerQuery(CustomerKind kind, LifecycleStage lifecycleStage, String tag, boolean includeArchived) {

    /** Every active customer. */
    public static final CustomerQuery ACTIVE = new CustomerQuery(null, null, null, false);

    /** Every customer, archived ones included. */
    public static final CustomerQuery ALL = new CustomerQuery(null, null, null, true);

    /** Trims the tag. */
    public CustomerQuery {
        tag = tag == null ? null : TextRules.required("tag", tag, 100);
    }

    /** Active customers with {@code tag}. */
    public static CustomerQuery tagged(String tag) {
        return new CustomerQuery(null, null, tag, false);
    }

    /** Active customers in {@code stage}. */
    public static CustomerQuery inStage(LifecycleStage stage) {
        return new CustomerQuery(null, stage, null, false);
    }

    /** Whether {@code customer} matches this query. */
    public boolean matches(Customer customer) {
        return (kind == null || customer.kind() == kind)
                && (lifecycleStage == null || customer.lifecycleStage() == lifecycleStage)
                && (tag == null || customer.tags().contains(tag))
                && (includeArchived || !customer.isArchived());
    }
}
