package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStoragePropertiesContract;

/** The key-value adapter keeps the {@link CrmStoragePropertiesContract}: random data, many tries. */
class KvCrmStorageProperties extends CrmStoragePropertiesContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
