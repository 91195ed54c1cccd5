package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.DealStoreContract;

/** The key-value adapter keeps the {@link DealStoreContract}. */
class KvDealStoreContractTest extends DealStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
