package io.crmkit.shared;

/**
 * A transient storage failure, such as a serialization failure or a deadlock: the unit of work was rolled back
 * and running it again may well succeed.
 */
public final class RetryableStorageException extends StorageException {

    private static final long serialVersionUID = 1L;

    public RetryableStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
