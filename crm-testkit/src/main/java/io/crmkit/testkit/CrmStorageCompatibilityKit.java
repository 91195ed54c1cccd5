package io.crmkit.testkit;

import io.crmkit.spi.CrmStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The whole kit in one class: every contract and every property of crm-testkit, as {@link Nested} groups, run
 * against the storage made by {@link #createStorage()}. An adapter that passes it keeps the storage SPI.
 *
 * <pre>{@code
 * class JdbcCrmStorageCompatibilityTest extends CrmStorageCompatibilityKit {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * It runs exactly the tests of {@link CustomerStoreContract}, {@link RelationshipStoreContract},
 * {@link TouchpointStoreContract}, {@link PipelineStoreContract}, {@link DealStoreContract}, {@link TaskStoreContract},
 * {@link LeadStoreContract}, {@link LeadTouchpointsContract}, {@link LeadConversionContract},
 * {@link CrmStorageContract} and {@link CrmStoragePropertiesContract}; subclass
 * those one by one instead to run, report or exclude them separately. As with them, {@code createStorage()} is
 * called before every test and may return a shared storage (see {@link AbstractStorageContract}), and
 * {@link #disposeStorage(CrmStorage)} after every test.
 */
public abstract class CrmStorageCompatibilityKit {

    /** For subclasses. */
    protected CrmStorageCompatibilityKit() {
    }

    /** The storage under test; see {@link AbstractStorageContract#createStorage()}. */
    protected abstract CrmStorage createStorage();

    /** Releases what {@link #createStorage()} made; does nothing by default. */
    protected void disposeStorage(CrmStorage storage) {
    }

    @Nested
    @DisplayName("CustomerStore")
    class Customers extends CustomerStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("RelationshipStore")
    class Relationships extends RelationshipStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("TouchpointStore")
    class Touchpoints extends TouchpointStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("PipelineStore")
    class Pipelines extends PipelineStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("DealStore")
    class Deals extends DealStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("TaskStore")
    class Tasks extends TaskStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("CrmStorage: units of work, tenants, public API")
    class WholeStorage extends CrmStorageContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("CrmStorage properties")
    class Properties extends CrmStoragePropertiesContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("LeadStore")
    class Leads extends LeadStoreContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("TouchpointStore: lead touchpoints")
    class LeadTouchpoints extends LeadTouchpointsContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }

    @Nested
    @DisplayName("Lead scenarios: capture and conversion over the whole storage")
    class LeadScenarios extends LeadConversionContract {
        @Override
        protected CrmStorage createStorage() {
            return CrmStorageCompatibilityKit.this.createStorage();
        }

        @Override
        protected void disposeStorage(CrmStorage storage) {
            CrmStorageCompatibilityKit.this.disposeStorage(storage);
        }
    }
}
