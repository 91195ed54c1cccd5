package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.TouchpointStoreContract;

/** The in-memory reference adapter keeps the {@link TouchpointStoreContract}. */
class InMemoryTouchpointStoreContractTest extends TouchpointStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
