package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.TouchpointStoreContract;

/** The key-value adapter keeps the {@link TouchpointStoreContract}. */
class KvTouchpointStoreContractTest extends TouchpointStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
