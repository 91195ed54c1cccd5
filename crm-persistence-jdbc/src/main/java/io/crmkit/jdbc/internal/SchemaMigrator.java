package io.crmkit.jdbc.internal;

import io.crmkit.shared.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Creates and upgrades crmkit's tables with Flyway, in its own history table, and refuses a newer schema. */
public final class SchemaMigrator {

    /** Where the migrations of each family live on the class path. */
    public static final String LOCATION = "io/crmkit/jdbc/migration/";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;

    public SchemaMigrator(DataSource dataSource, Dialect dialect, Tables tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
    }

    Flyway flyway() {
        Map<String, String> placeholders = new HashMap<>(dialect.placeholders());
        placeholders.put("prefix", tables.prefix());
        FluentConfiguration configuration = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION + dialect.migrationFolder())
                .table(tables.historyTable())
                .placeholders(placeholders)
                // crmkit's tables may share a schema with the host's: start crmkit's history at 0 there.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("crmkit history started in a schema that was not empty")
                .cleanDisabled(true)
                .validateMigrationNaming(true);
        if (tables.schema() != null) {
            String schema = dialect.flywaySchemaName(tables.schema());
            configuration.schemas(schema).defaultSchema(schema);
        }
        return configuration.load();
    }

    /**
     * Migrates to the newest version if {@code migrate}, else checks that the tables are there; either way refuses a
     * schema that a newer crmkit has migrated.
     *
     * @throws StorageException if the schema is newer than this library, a migration fails, or (without
     *                          {@code migrate}) a table is missing
     */
    public void run(boolean migrate) {
        Flyway flyway = flyway();
        try {
            refuseNewerSchema(flyway);
            if (migrate) {
                flyway.migrate();
            }
        } catch (FlywayException e) {
            throw new StorageException("crmkit could not migrate its tables " + where() + ": " + e.getMessage(), e);
        }
        if (!migrate) {
            requireTables();
        }
    }

    /** The newest schema version this library knows. */
    public MigrationVersion latestKnownVersion() {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo info : flyway().info().all()) {
            if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED
                    && info.getVersion() != null && info.getVersion().isNewerThan(latest.getVersion())) {
                latest = info.getVersion();
            }
        }
        return latest;
    }

    private void refuseNewerSchema(Flyway flyway) {
        MigrationVersion newest = null;
        MigrationVersion known = MigrationVersion.EMPTY;
        for (MigrationInfo info : flyway.info().all()) {
            MigrationState state = info.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                if (newest == null || info.getVersion().isNewerThan(newest.getVersion())) {
                    newest = info.getVersion();
                }
            } else if (info.getVersion() != null && info.getVersion().isNewerThan(known.getVersion())) {
                known = info.getVersion();
            }
        }
        if (newest != null) {
            throw new StorageException("crmkit's tables " + where() + " are at schema version " + newest
                    + ", newer than version " + known + ", the newest this crmkit library knows: a newer crmkit has"
                    + " migrated them. Upgrade io.crmkit:crm-persistence-jdbc, or point this one at another schema"
                    + " or table prefix; crmkit does not start against a schema it does not know.");
        }
    }

    private void requireTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables.all()) {
                try {
                    s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
                } catch (SQLException e) {
                    throw new StorageException("crmkit's table " + table + " is missing " + where() + ", and "
                            + "migration at start is switched off: run crmkit's migrations (see the README of "
                            + "crm-persistence-jdbc) or let crmkit migrate", e);
                }
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StorageException("crmkit could not check its tables " + where() + ": " + e.getMessage(), e);
        }
    }

    private String where() {
        return "(" + dialect.name() + (tables.schema() == null ? "" : ", schema " + tables.schema())
                + ", prefix " + tables.prefix() + ")";
    }
}
