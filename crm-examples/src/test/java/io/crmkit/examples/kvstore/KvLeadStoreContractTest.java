package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadStoreContract;

/** The key-value adapter keeps the {@link LeadStoreContract}. */
class KvLeadStoreContractTest extends LeadStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
