package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.PipelineStoreContract;

/** The in-memory reference adapter keeps the {@link PipelineStoreContract}. */
class InMemoryPipelineStoreContractTest extends PipelineStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
