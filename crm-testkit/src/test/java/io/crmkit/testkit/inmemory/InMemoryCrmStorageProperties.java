package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStoragePropertiesContract;

/** The in-memory reference adapter keeps the {@link CrmStoragePropertiesContract}. */
class InMemoryCrmStorageProperties extends CrmStoragePropertiesContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
