package io.crmkit.shared;

/**
 * The storage failed: a database is unreachable, a statement failed, a constraint that should never fail did.
 * The unit of work that was running has been rolled back and nothing of it was stored. Adapters translate
 * their own exceptions (for example {@code SQLException}) into this one, with context, and never let them leak.
 */
public class StorageException extends CrmException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether running the same unit of work again may succeed (serialization failures, deadlocks). */
    public boolean isRetryable() {
        return false;
    }
}
