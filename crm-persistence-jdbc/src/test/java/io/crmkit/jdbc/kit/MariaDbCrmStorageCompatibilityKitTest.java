package io.crmkit.jdbc.kit;

import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStorageCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC storage on MariaDB keeps the whole {@link CrmStorageCompatibilityKit}: every contract and property of
 * crm-testkit, on one migrated database shared by all of them (each test works in tenants of its own).
 */
class MariaDbCrmStorageCompatibilityKitTest extends CrmStorageCompatibilityKit {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Override
    protected CrmStorage createStorage() {
        return DATABASES.storage(DatabaseKind.MARIADB);
    }
}
