package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.DealStoreContract;

/** The in-memory reference adapter keeps the {@link DealStoreContract}. */
class InMemoryDealStoreContractTest extends DealStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
