package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStorageContract;

/** The key-value adapter keeps the {@link CrmStorageContract}. */
class KvCrmStorageContractTest extends CrmStorageContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
