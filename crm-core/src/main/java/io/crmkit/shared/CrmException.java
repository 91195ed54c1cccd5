package io.crmkit.shared;

/**
 * The root of every exception crmkit throws.
 *
 * <p>crmkit throws only unchecked exceptions, and only for misuse and failures: invalid input, a record
 * that does not exist, a stale version, an illegal state transition, a tenant violation or a storage
 * failure. Business refusals that a caller handles in normal flow (a lifecycle move backwards, a lead
 * that does not qualify) are returned as values instead.
 */
public abstract class CrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
