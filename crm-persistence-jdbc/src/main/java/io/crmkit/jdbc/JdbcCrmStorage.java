package io.crmkit.jdbc;

import io.crmkit.jdbc.internal.Dialect;
import io.crmkit.jdbc.internal.JdbcCustomerStore;
import io.crmkit.jdbc.internal.JdbcDealStore;
import io.crmkit.jdbc.internal.JdbcLeadStore;
import io.crmkit.jdbc.internal.JdbcPipelineStore;
import io.crmkit.jdbc.internal.JdbcRelationshipStore;
import io.crmkit.jdbc.internal.JdbcTaskStore;
import io.crmkit.jdbc.internal.JdbcTouchpointStore;
import io.crmkit.jdbc.internal.SchemaMigrator;
import io.crmkit.jdbc.internal.SqlErrors;
import io.crmkit.jdbc.internal.Tables;
import io.crmkit.jdbc.internal.Transactions;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.TaskStore;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.spi.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * crmkit's storage in a relational database, through plain JDBC: PostgreSQL 13+, MariaDB 10.6+ / MySQL 8+ and H2
 * 2.x, each with its own SQL.
 *
 * <pre>{@code
 * CrmStorage storage = JdbcCrmStorage.create(dataSource);          // detects the database, migrates its tables
 * Crm crm = Crm.builder().storage(storage).build();
 * }</pre>
 *
 * <p><b>Schema.</b> At start the storage detects the database and runs its Flyway migrations (history table
 * {@code <prefix>schema_history}, never the host's {@code flyway_schema_history}); a schema that a newer crmkit has
 * migrated is refused. The same SQL files are in this jar under {@code io/crmkit/jdbc/migration/<family>/} for
 * hosts that migrate with their own tool; then switch migration off with {@link Builder#migrate(boolean)}.
 *
 * <p><b>Transactions.</b> By default every outermost unit of work ({@link #inTransaction}) takes a connection from
 * the DataSource and runs in a transaction of its own, committed when the work returns and rolled back when it
 * throws; nested units of work on the same thread join it (one that throws dooms the whole unit of work, even if its
 * exception is caught), and after-commit callbacks run after the commit. With a
 * {@link ConnectionProvider} the storage joins transactions the host has open instead; see there. Store calls outside
 * a unit of work run on a connection of their own (writes in a transaction of their own).
 *
 * <p><b>Errors.</b> No {@link SQLException} leaves this class: failures become
 * {@link io.crmkit.shared.StorageException} with what was being done, the SQLState and the vendor code, or
 * {@link io.crmkit.shared.RetryableStorageException} for serialization failures, deadlocks and lock time-outs. On
 * PostgreSQL a failed statement aborts the transaction, so a unit of work that catches a storage exception and goes
 * on fails at its next statement.
 *
 * <p>Instances are thread-safe. Two storages on the same DataSource do not share units of work: a unit of work of one
 * does not see the uncommitted writes of the other.
 */
public final class JdbcCrmStorage implements CrmStorage {

    /** The default table prefix. */
    public static final String DEFAULT_PREFIX = "crm_";
    /** The default number of touchpoints written per statement. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The largest batch size; a statement binds 18 parameters per touchpoint. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final Dialect dialect;
    private final Tables tables;
    private final Transactions transactions;
    private final JdbcCustomerStore customers;
    private final JdbcRelationshipStore relationships;
    private final JdbcTouchpointStore touchpoints;
    private final JdbcLeadStore leads;
    private final JdbcPipelineStore pipelines;
    private final JdbcDealStore deals;
    private final JdbcTaskStore tasks;

    private JdbcCrmStorage(Builder builder) {
        this.dialect = detect(builder.dataSource);
        this.tables = new Tables(builder.schema, builder.prefix);
        new SchemaMigrator(builder.dataSource, dialect, tables).run(builder.migrate);
        this.transactions = new Transactions(builder.dataSource, builder.connectionProvider, new SqlErrors(dialect));
        this.customers = new JdbcCustomerStore(transactions, dialect, tables);
        this.relationships = new JdbcRelationshipStore(transactions, dialect, tables);
        this.touchpoints = new JdbcTouchpointStore(transactions, dialect, tables, builder.batchSize);
        this.leads = new JdbcLeadStore(transactions, dialect, tables);
        this.pipelines = new JdbcPipelineStore(transactions, dialect, tables);
        this.deals = new JdbcDealStore(transactions, dialect, tables);
        this.tasks = new JdbcTaskStore(transactions, dialect, tables);
    }

    /**
     * A storage on {@code dataSource} with the default options: tables {@code crm_*} in the connection's default
     * schema, migrated at start, own transactions.
     *
     * @throws StorageException if the database cannot be reached, is not a supported version, its crmkit schema is
     *                          newer than this library, or migrating fails
     */
    public static JdbcCrmStorage create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A builder for a storage on {@code dataSource}, which is also what Flyway migrates with. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    private static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.detect(connection);
        } catch (SQLException e) {
            throw new StorageException("crmkit could not connect to find out which database it is: "
                    + e.getMessage(), e);
        } catch (Dialect.UnsupportedDatabaseException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public RelationshipStore relationships() {
        return relationships;
    }

    @Override
    public TouchpointStore touchpoints() {
        return touchpoints;
    }

    @Override
    public LeadStore leads() {
        return leads;
    }

    @Override
    public PipelineStore pipelines() {
        return pipelines;
    }

    @Override
    public DealStore deals() {
        return deals;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        return transactions.inTransaction(tenant, work);
    }

    /** The database family in use: {@code "PostgreSQL"}, {@code "MariaDB"}, {@code "MySQL"} or {@code "H2"}. */
    public String databaseName() {
        return dialect.name();
    }

    /** The qualified name of crmkit's table {@code base} ({@code "customer"} → {@code "crm_customer"}). */
    public String tableName(String base) {
        return (tables.schema() == null ? "" : tables.schema() + ".") + tables.prefix() + base;
    }

    /** Options of a {@link JdbcCrmStorage}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String prefix = DEFAULT_PREFIX;
        private String schema;
        private boolean migrate = true;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private ConnectionProvider connectionProvider;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The prefix of every table name (default {@value JdbcCrmStorage#DEFAULT_PREFIX}), so that several crmkit
         * schemas, or crmkit's and the host's tables, can share one database schema. It is the only text of the
         * host's that is ever put into SQL.
         *
         * @throws InvalidInputException unless it is a lower-case letter followed by up to 20 lower-case letters,
         *                               digits or underscores
         */
        public Builder tablePrefix(String prefix) {
            if (prefix == null || !Tables.PREFIX.matcher(prefix).matches()) {
                throw InvalidInputException.of("tablePrefix",
                        "must be a lower-case letter followed by up to 20 lower-case letters, digits or _");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * The schema (on MariaDB/MySQL: the database) that holds crmkit's tables, instead of the connection's
         * default one; crmkit qualifies every table name with it, and Flyway creates it if it does not exist.
         *
         * @throws InvalidInputException unless it is a lower-case letter followed by up to 62 lower-case letters,
         *                               digits or underscores
         */
        public Builder schema(String schema) {
            if (schema == null || !Tables.SCHEMA.matcher(schema).matches()) {
                throw InvalidInputException.of("schema",
                        "must be a lower-case letter followed by up to 62 lower-case letters, digits or _");
            }
            this.schema = schema;
            return this;
        }

        /**
         * Whether to run crmkit's migrations at start (default true). When false, the storage only checks that its
         * tables exist (and still refuses a schema newer than the library): the host runs the SQL files itself.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * How many touchpoints one INSERT statement writes (default {@value JdbcCrmStorage#DEFAULT_BATCH_SIZE}).
         *
         * @throws InvalidInputException unless it is between 1 and {@value JdbcCrmStorage#MAX_BATCH_SIZE}
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw InvalidInputException.of("batchSize", "must be between 1 and " + MAX_BATCH_SIZE);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Takes connections from {@code provider} instead of the DataSource, to join the transactions the host has
         * open on them; see {@link ConnectionProvider}. The DataSource is still used at start, to detect the
         * database and migrate.
         */
        public Builder connectionProvider(ConnectionProvider provider) {
            this.connectionProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Detects the database, migrates (or checks) the tables and returns the storage.
         *
         * @throws StorageException if the database cannot be reached, is not supported, its crmkit schema is newer
         *                          than this library, migrating fails, or (without migration) a table is missing
         */
        public JdbcCrmStorage build() {
            return new JdbcCrmStorage(this);
        }
    }
}
