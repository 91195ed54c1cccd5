package io.crmkit.testkit;

import io.crmkit.shared.TenantId;
import io.crmkit.spi.CrmStorage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract of the kit shares: the storage under test and two fresh tenants per test.
 *
 * <p>Before each test the kit calls {@link #createStorage()} once and picks two tenants that no other test uses,
 * {@link #tenant} and {@link #otherTenant} ({@code kit-} followed by a random UUID). Every check of the kit reads
 * and writes only those tenants, so an adapter over a shared database passes as long as a tenant nobody wrote to
 * reads as empty: {@code createStorage()} may hand out the same storage object, over the same database, to every
 * test. After each test the kit calls {@link #disposeStorage(CrmStorage)}, which does nothing unless overridden.
 *
 * <p>Adapter authors do not extend this class directly; they extend one of the contracts.
 */
public abstract class AbstractStorageContract {

    /** The storage under test, made by {@link #createStorage()} before each test. */
    protected CrmStorage storage;

    /** A tenant that no other test uses; it starts empty. */
    protected TenantId tenant;

    /** A second tenant that no other test uses, for isolation checks; it starts empty. */
    protected TenantId otherTenant;

    /** For subclasses. */
    protected AbstractStorageContract() {
    }

    /**
     * The storage under test. Called once before every test.
     *
     * <p>Either a new, empty storage, or a shared one (for example over a database that lives as long as the test
     * class) in which the tenants named {@code kit-<random uuid>} start empty. Never {@code null}.
     */
    protected abstract CrmStorage createStorage();

    /**
     * Releases what {@link #createStorage()} made, once after every test (close a pool, drop a schema). Does
     * nothing by default.
     */
    protected void disposeStorage(CrmStorage storage) {
    }

    /** A tenant id that no other test uses: {@code kit-} and a random UUID. */
    protected static TenantId freshTenant() {
        return TenantId.of("kit-" + UUID.randomUUID());
    }

    @BeforeEach
    final void createStorageAndTenants() {
        storage = createStorage();
        if (storage == null) {
            throw new IllegalStateException(getClass().getName() + ".createStorage() returned null");
        }
        tenant = freshTenant();
        otherTenant = freshTenant();
    }

    @AfterEach
    final void disposeStorageAfterTest() {
        if (storage != null) {
            disposeStorage(storage);
        }
    }
}
