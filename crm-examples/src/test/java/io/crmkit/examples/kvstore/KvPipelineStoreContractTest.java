package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.PipelineStoreContract;

/** The key-value adapter keeps the {@link PipelineStoreContract}. */
class KvPipelineStoreContractTest extends PipelineStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
