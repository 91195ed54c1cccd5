package io.crmkit.jdbc.internal;

import io.crmkit.jdbc.ConnectionProvider;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work on JDBC connections: one connection and transaction per outermost unit of work, joined by nested
 * calls on the same thread; or, with a {@link ConnectionProvider}, the host's transaction (inside a savepoint).
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;
    private final ConnectionProvider provider;
    private final SqlErrors errors;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    public Transactions(DataSource dataSource, ConnectionProvider provider, SqlErrors errors) {
        this.dataSource = dataSource;
        this.provider = provider;
        this.errors = errors;
    }

    public SqlErrors errors() {
        return errors;
    }

    /** Runs {@code work} as a unit of work of {@code tenant}; see {@link io.crmkit.spi.CrmStorage#inTransaction}. */
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        if (tenant == null || work == null) {
            throw new IllegalArgumentException("tenant and work must not be null");
        }
        Tx open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            try {
                return work.run(open);
            } catch (Throwable e) {
                // A failed nested unit of work dooms the whole one, even if the outer work catches the exception.
                open.rollbackOnly = true;
                throw Transactions.<RuntimeException>sneaky(e);
            }
        }
        Tx tx = begin(tenant);
        current.set(tx);
        T result;
        try {
            result = work.run(tx);
            if (tx.rollbackOnly) {
                throw new StorageException("the unit of work of tenant " + tenant + " was rolled back: a nested unit "
                        + "of work failed and its exception was caught");
            }
        } catch (Throwable e) { // also a checked exception thrown past the compiler: roll back, rethrow unchanged
            current.remove();
            tx.rollback(e);
            tx.release(e);
            throw Transactions.<RuntimeException>sneaky(e);
        }
        current.remove();
        try {
            tx.commit();
        } catch (SQLException e) {
            RuntimeException failure = errors.translate("commit a unit of work of tenant " + tenant, e);
            tx.rollback(failure);
            tx.release(failure);
            throw failure;
        }
        tx.release(null);
        tx.afterCommit();
        return result;
    }

    /** Runs a read for {@code tenant} in the open unit of work, or on a connection of its own. */
    public <T> T read(TenantId tenant, String doing, SqlWork<T> work) {
        requireTenant(tenant);
        Tx open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            try {
                return work.run(open.connection);
            } catch (SQLException e) {
                throw errors.translate(doing, e);
            }
        }
        Connection connection = acquire();
        RuntimeException failure = null;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            failure = errors.translate(doing, e);
            throw failure;
        } catch (RuntimeException | Error e) {
            if (e instanceof RuntimeException) {
                failure = (RuntimeException) e;
            }
            throw e;
        } finally {
            releaseAfterRead(connection, failure);
        }
    }

    /** Runs a write for {@code tenant} in the open unit of work, or in a unit of work of its own. */
    public <T> T write(TenantId tenant, String doing, SqlWork<T> work) {
        requireTenant(tenant);
        Tx open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            try {
                return work.run(open.connection);
            } catch (SQLException e) {
                throw errors.translate(doing, e);
            }
        }
        return inTransaction(tenant, tx -> {
            try {
                return work.run(((Tx) tx).connection);
            } catch (SQLException e) {
                throw errors.translate(doing, e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private Connection acquire() {
        try {
            Connection connection = provider == null ? dataSource.getConnection() : provider.getConnection();
            if (connection == null) {
                throw new SQLException("the DataSource returned no connection");
            }
            return connection;
        } catch (SQLException e) {
            throw errors.translate("get a database connection", e);
        }
    }

    private void releaseAfterRead(Connection connection, RuntimeException failure) {
        try {
            if (provider == null) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // end the transaction a pool without auto-commit began for the read
                }
                connection.close();
            } else {
                provider.releaseConnection(connection);
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("could not release a connection after a read: {}", e.toString());
            }
        }
    }

    private Tx begin(TenantId tenant) {
        Connection connection = acquire();
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (provider != null && !autoCommit) {
                return new Tx(tenant, connection, Mode.JOINED, false, connection.setSavepoint());
            }
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            return new Tx(tenant, connection, provider == null ? Mode.OWN : Mode.OWN_ON_PROVIDED, autoCommit, null);
        } catch (SQLException e) {
            RuntimeException failure = errors.translate("begin a unit of work of tenant " + tenant, e);
            try {
                if (provider == null) {
                    connection.close();
                } else {
                    provider.releaseConnection(connection);
                }
            } catch (SQLException again) {
                failure.addSuppressed(again);
            }
            throw failure;
        }
    }

    /** Refuses a call that names no tenant. */
    static void requireTenant(TenantId tenant) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
    }

    private static void requireSameTenant(Tx open, TenantId tenant) {
        if (!open.tenant.equals(tenant)) {
            throw new TenantViolationException("a unit of work of tenant " + open.tenant
                    + " cannot touch tenant " + tenant);
        }
    }

    private enum Mode {
        /** A connection of the DataSource, with a transaction of the storage's own. */
        OWN,
        /** A connection of the host's provider without an open transaction: the storage's own transaction on it. */
        OWN_ON_PROVIDED,
        /** The host's open transaction, joined inside a savepoint. */
        JOINED
    }

    private final class Tx implements Transaction {
        private final TenantId tenant;
        private final Connection connection;
        private final Mode mode;
        private final boolean restoreAutoCommit;
        private final Savepoint savepoint;
        private final List<Runnable> callbacks = new ArrayList<>();
        private boolean rollbackOnly;

        private Tx(TenantId tenant, Connection connection, Mode mode, boolean restoreAutoCommit,
                   Savepoint savepoint) {
            this.tenant = tenant;
            this.connection = connection;
            this.mode = mode;
            this.restoreAutoCommit = restoreAutoCommit;
            this.savepoint = savepoint;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public void afterCommit(Runnable callback) {
            if (callback == null) {
                throw new IllegalArgumentException("callback must not be null");
            }
            callbacks.add(callback);
        }

        private void commit() throws SQLException {
            if (mode == Mode.JOINED) {
                connection.releaseSavepoint(savepoint);
            } else {
                connection.commit();
            }
        }

        private void rollback(Throwable primary) {
            try {
                if (mode == Mode.JOINED) {
                    connection.rollback(savepoint);
                } else {
                    connection.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                // the connection may be gone; the database rolls back what it had when the session ends
                primary.addSuppressed(e);
            }
        }

        private void release(Throwable primary) {
            try {
                if (mode != Mode.JOINED && restoreAutoCommit && !connection.isClosed()) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException | RuntimeException e) {
                note(primary, e);
            }
            try {
                if (mode == Mode.OWN) {
                    connection.close();
                } else {
                    provider.releaseConnection(connection);
                }
            } catch (SQLException | RuntimeException e) {
                note(primary, e);
            }
        }

        private void note(Throwable primary, Exception e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.warn("could not release a connection after a unit of work: {}", e.toString());
            }
        }

        private void afterCommit() {
            if (callbacks.isEmpty()) {
                return;
            }
            if (mode == Mode.JOINED) {
                List<Runnable> all = List.copyOf(callbacks);
                provider.afterHostCommit(() -> all.forEach(Transactions::runCallback));
            } else {
                callbacks.forEach(Transactions::runCallback);
            }
        }
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("an after-commit callback failed: {}", e.toString(), e);
        }
    }
}
