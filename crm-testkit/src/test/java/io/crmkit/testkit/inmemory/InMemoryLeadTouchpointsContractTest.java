package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadTouchpointsContract;

/** The in-memory reference adapter keeps the {@link io.crmkit.testkit.LeadTouchpointsContract}. */
class InMemoryLeadTouchpointsContractTest extends LeadTouchpointsContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
