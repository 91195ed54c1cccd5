package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.LeadConversionContract;

/** The in-memory reference adapter keeps the {@link io.crmkit.testkit.LeadConversionContract} (lead scenarios over the whole storage). */
class InMemoryLeadConversionContractTest extends LeadConversionContract {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
