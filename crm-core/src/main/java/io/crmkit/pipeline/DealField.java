package io.crmkit.pipeline;

/** A value of a deal that its history tracks. */
public enum DealField {
    /** The stage (and with it the status). */
    STAGE,
    /** The amount. */
    AMOUNT,
    /** The probability, or whether it is an override. */
    PROBABILITY,
    /** The expected close date. */
    EXPECTED_CLOSE_DATE,
    /** The owner. */
    OWNER
}
