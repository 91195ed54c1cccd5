package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.TaskStoreContract;

/** The in-memory reference adapter keeps the {@link TaskStoreContract}. */
class InMemoryTaskStoreContractTest extends TaskStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
