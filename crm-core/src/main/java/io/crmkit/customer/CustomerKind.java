package io.crmkit.customer;

/** Whether a customer is a person or an organisation. */
public enum CustomerKind {
    /** A human being: names, job title, important dates. */
    PERSON,
    /** A company, a café, an association: name, web domain, industry, size. */
    ORGANISATION
}
