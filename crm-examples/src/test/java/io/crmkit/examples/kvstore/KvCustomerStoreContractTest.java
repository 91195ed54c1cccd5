package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CustomerStoreContract;

/** The key-value adapter keeps the {@link CustomerStoreContract}. */
class KvCustomerStoreContractTest extends CustomerStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
