package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CustomerStoreContract;

/** The in-memory reference adapter keeps the {@link CustomerStoreContract}. */
class InMemoryCustomerStoreContractTest extends CustomerStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
