package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.TaskStoreContract;

/** The key-value adapter keeps the {@link TaskStoreContract}. */
class KvTaskStoreContractTest extends TaskStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
