package io.crmkit.jdbc.kit;

import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC storage on MariaDB keeps the {@link LeadStoreContract}. */
class MariaDbLeadStoreContractTest extends LeadStoreContract {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Override
    protected CrmStorage createStorage() {
        return DATABASES.storage(DatabaseKind.MARIADB);
    }
}
