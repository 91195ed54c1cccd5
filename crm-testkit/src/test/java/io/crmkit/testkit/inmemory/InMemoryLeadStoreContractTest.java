package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadStoreContract;

/** The in-memory reference adapter keeps the {@link io.crmkit.testkit.LeadStoreContract}. */
class InMemoryLeadStoreContractTest extends LeadStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
