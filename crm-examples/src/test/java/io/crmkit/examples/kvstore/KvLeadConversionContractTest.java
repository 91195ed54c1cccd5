package io.crmkit.examples.kvstore;

import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadConversionContract;

/** The key-value adapter keeps the {@link LeadConversionContract}. */
class KvLeadConversionContractTest extends LeadConversionContract {

    @Override
    protected CrmStorage createStorage() {
        return new KvCrmStorage();
    }
}
