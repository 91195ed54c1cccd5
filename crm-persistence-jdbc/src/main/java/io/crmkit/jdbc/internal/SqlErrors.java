package io.crmkit.jdbc.internal;

import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

/** Turns {@link SQLException}s into crmkit's exceptions, with what was being done. */
public final class SqlErrors {

    private final Dialect dialect;

    public SqlErrors(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The crmkit exception for {@code e}: {@link RetryableStorageException} for serialization failures, deadlocks
     * and lock time-outs, {@link StorageException} otherwise. The message says what was being done, the SQLState and
     * the vendor code; the {@code SQLException} is the cause.
     */
    public StorageException translate(String doing, SQLException e) {
        SQLException root = unwrap(e);
        String message = "crmkit could not " + doing + " (" + dialect.name() + ", SQLState " + root.getSQLState()
                + ", error " + root.getErrorCode() + "): " + root.getMessage();
        if (isRetryable(e)) {
            return new RetryableStorageException(message + "; the unit of work was rolled back and may be run again",
                    e);
        }
        return new StorageException(message, e);
    }

    public boolean isRetryable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (dialect.isRetryable(s)) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return dialect.isRetryable(unwrap(e));
    }

    public boolean isUniqueViolation(SQLException e) {
        return dialect.isUniqueViolation(e) || dialect.isUniqueViolation(unwrap(e));
    }

    /** The most telling exception of a batch failure: the first chained one, if there is one. */
    private static SQLException unwrap(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException();
        }
        if (e.getCause() instanceof SQLException && e.getSQLState() == null) {
            return (SQLException) e.getCause();
        }
        return e;
    }
}
