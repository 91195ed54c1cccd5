package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.RelationshipStoreContract;

/** The key-value adapter keeps the {@link RelationshipStoreContract}. */
class KvRelationshipStoreContractTest extends RelationshipStoreContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
