package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStorageContract;

/** The in-memory reference adapter keeps the {@link CrmStorageContract}. */
class InMemoryCrmStorageContractTest extends CrmStorageContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
