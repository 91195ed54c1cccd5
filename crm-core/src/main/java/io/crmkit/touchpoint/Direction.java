package io.crmkit.touchpoint;

/** Who started an interaction. */
public enum Direction {
    /** The customer reached the business: an e-mail received, a purchase, a support request. */
    INBOUND,
    /** The business reached the customer: an e-mail sent, a call made. */
    OUTBOUND
}
