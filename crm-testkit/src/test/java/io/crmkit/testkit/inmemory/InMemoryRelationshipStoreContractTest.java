package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.RelationshipStoreContract;

/** The in-memory reference adapter keeps the {@link RelationshipStoreContract}. */
class InMemoryRelationshipStoreContractTest extends RelationshipStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
