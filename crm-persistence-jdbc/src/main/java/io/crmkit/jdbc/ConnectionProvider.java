package io.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Where {@link JdbcCrmStorage} gets its connections when it is to take part in transactions the host manages (set
 * with {@link JdbcCrmStorage.Builder#connectionProvider}). Without one, the storage takes a connection from its
 * {@link DataSource} for every unit of work and manages that transaction itself.
 *
 * <p>For each outermost unit of work (and each read outside one) the storage calls {@link #getConnection()} once and
 * hands the connection back with {@link #releaseConnection(Connection)}. What it does in between depends on the
 * connection's auto-commit mode when it gets it:
 * <ul>
 *   <li><b>auto-commit off: the host has a transaction open</b> on this connection. The storage joins it: it never
 *       calls {@code commit}, {@code rollback}, {@code setAutoCommit} or {@code close}. It runs the unit of work
 *       inside a savepoint, so that a unit of work that fails is undone completely (and, on PostgreSQL, the host's
 *       transaction stays usable) while everything the host did before is kept; whether any of it is stored is the
 *       host's decision when it commits or rolls back. After-commit callbacks are handed to
 *       {@link #afterHostCommit(Runnable)}.</li>
 *   <li><b>auto-commit on: no transaction is open.</b> The storage runs the unit of work in a transaction of its
 *       own on this connection (auto-commit off, commit or roll back, auto-commit back on) and runs the after-commit
 *       callbacks after its commit.</li>
 * </ul>
 *
 * <p>With Spring, wrap the DataSource in a {@code TransactionAwareDataSourceProxy} (or pass
 * {@code DataSourceUtils::getConnection}-style functions) and register the callbacks as transaction
 * synchronisations:
 * <pre>{@code
 * ConnectionProvider spring = ConnectionProvider.transactionAware(new TransactionAwareDataSourceProxy(dataSource),
 *         callback -> {
 *             if (TransactionSynchronizationManager.isSynchronizationActive()) {
 *                 TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
 *                     public void afterCommit() { callback.run(); }
 *                 });
 *             } else {
 *                 callback.run();
 *             }
 *         });
 * }</pre>
 */
public interface ConnectionProvider {

    /** The connection to run the next unit of work (or read) on: the host's transactional one, if it has one. */
    Connection getConnection() throws SQLException;

    /** Hands back a connection that {@link #getConnection()} returned; the storage uses it no more. */
    void releaseConnection(Connection connection) throws SQLException;

    /**
     * Arranges for {@code callback} to run after the host's transaction, which a unit of work joined, commits, and
     * never if it rolls back. The storage calls this once per joined unit of work that registered callbacks, after
     * the unit of work succeeded.
     *
     * <p>The default runs {@code callback} at once, that is when the unit of work ends and <em>before</em> the host
     * commits: if the host then rolls back, the callbacks (and so crmkit's domain events) have run for changes that
     * were never stored. Override it wherever the transaction manager offers a hook (Spring's
     * {@code TransactionSynchronizationManager}, JTA's {@code Synchronization}).
     */
    default void afterHostCommit(Runnable callback) {
        callback.run();
    }

    /**
     * A provider for a transaction-aware DataSource, one whose {@code getConnection()} returns the connection of the
     * current host transaction and whose connections' {@code close()} only releases them (Spring's
     * {@code TransactionAwareDataSourceProxy}, a JTA DataSource of an application server). After-commit callbacks
     * run at once, before the host commits; see {@link #afterHostCommit}.
     */
    static ConnectionProvider transactionAware(DataSource dataSource) {
        return transactionAware(dataSource, Runnable::run);
    }

    /**
     * A provider for a transaction-aware DataSource (see {@link #transactionAware(DataSource)}) that hands
     * after-commit callbacks to {@code afterHostCommit}, which must run them after the host's transaction commits.
     */
    static ConnectionProvider transactionAware(DataSource dataSource, Consumer<Runnable> afterHostCommit) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(afterHostCommit, "afterHostCommit");
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void releaseConnection(Connection connection) throws SQLException {
                connection.close(); // on a transaction-aware DataSource this releases, it does not end the transaction
            }

            @Override
            public void afterHostCommit(Runnable callback) {
                afterHostCommit.accept(callback);
            }
        };
    }
}
