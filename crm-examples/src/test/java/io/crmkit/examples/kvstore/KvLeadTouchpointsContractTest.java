package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadTouchpointsContract;

/** The key-value adapter keeps the {@link LeadTouchpointsContract}. */
class KvLeadTouchpointsContractTest extends LeadTouchpointsContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
