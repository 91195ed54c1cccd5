package io.crmkit.shared;

/**
 * An attempt to cross a tenant boundary, for instance a unit of work of one tenant that touches another
 * tenant's storage, or a record handed to a storage call of a different tenant. This is always a programming
 * error in the host or in an adapter.
 */
public final class TenantViolationException extends CrmException {

    private static final long serialVersionUID = 1L;

    public TenantViolationException(String message) {
        super(message);
    }
}
