package io.crmkit.testkit.inmemory;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testkit.CrmStorageCompatibilityKit;

/**
 * The in-memory reference adapter passes the whole kit in one class, as a third-party adapter would run it. The
 * per-contract classes beside this one run the same tests one contract at a time.
 */
class InMemoryCrmStorageCompatibilityKitTest extends CrmStorageCompatibilityKit {

    @Override
    protected CrmStorage createStorage() {
        return new InMemoryCrmStorage();
    }
}
