package io.crmkit.spi;

import io.crmkit.shared.TenantId;

/** The unit of work a {@link UnitOfWork} runs in. */
public interface Transaction {

    /** The tenant the unit of work belongs to. */
    TenantId tenant();

    /**
     * Runs {@code callback} after the outermost unit of work committed, in registration order; never if it rolls
     * back. An exception from a callback does not undo the commit and does not stop the other callbacks.
     */
    void afterCommit(Runnable callback);
}
