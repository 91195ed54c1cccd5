package io.crmkit.examples.kvstore;

import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.TaskStore;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage adapter written the way a team would write its own: crmkit's storage SPI on an ordered key-value store
 * ({@link OrderedKeyValueStore}, standing in for RocksDB, LMDB, FoundationDB ...), with secondary indexes of its own.
 * It implements every port of {@code io.crmkit.spi} and passes the whole contract kit (see the tests beside it and
 * crm-examples/README.md).
 *
 * <pre>{@code
 * Crm crm = Crm.builder().storage(new KvCrmStorage()).build();
 * }</pre>
 *
 * <p><b>What this class does</b> is the part every adapter writes once: the unit of work. {@link #inTransaction}
 * opens one store transaction per outermost unit of work, on the tenant's partition; a nested call on the same thread
 * joins it (and, if it throws, dooms it); a call for another tenant is refused. After the commit it runs the
 * after-commit callbacks, which is how crmkit delivers its events only for committed changes. Store calls made
 * outside a unit of work read under the partition's read lock, or write in a transaction of their own.
 *
 * <p><b>What the stores do</b> ({@code Kv*Store}) is map records to keys: one primary key per record, and one index
 * key per list the SPI asks for, written and removed in the same transaction as the record. Their key layouts are in
 * crm-examples/README.md.
 */
public final class KvCrmStorage implements CrmStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KvCrmStorage.class);

    private final OrderedKeyValueStore kv = new OrderedKeyValueStore();
    private final ThreadLocal<UnitOfWorkState> current = new ThreadLocal<>();

    private final KvCustomerStore customers = new KvCustomerStore(this);
    private final KvRelationshipStore relationships = new KvRelationshipStore(this);
    private final KvTouchpointStore touchpoints = new KvTouchpointStore(this);
    private final KvPipelineStore pipelines = new KvPipelineStore(this);
    private final KvDealStore deals = new KvDealStore(this);
    private final KvTaskStore tasks = new KvTaskStore(this);
    private final KvLeadStore leads = new KvLeadStore(this);

    /** An empty storage. */
    public KvCrmStorage() {
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public RelationshipStore relationships() {
        return relationships;
    }

    @Override
    public TouchpointStore touchpoints() {
        return touchpoints;
    }

    @Override
    public PipelineStore pipelines() {
        return pipelines;
    }

    @Override
    public DealStore deals() {
        return deals;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public LeadStore leads() {
        return leads;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        if (tenant == null || work == null) {
            throw new IllegalArgumentException("tenant and work must not be null");
        }
        UnitOfWorkState open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            try {
                return work.run(open);
            } catch (Throwable e) {
                // The SPI: a failed nested unit of work dooms the whole one, even if the outer work catches it.
                open.rollbackOnly = true;
                throw e;
            }
        }
        UnitOfWorkState unit = new UnitOfWorkState(tenant, kv.begin(partition(tenant)));
        current.set(unit);
        T result;
        try {
            result = work.run(unit);
            if (unit.rollbackOnly) {
                throw new StorageException("the unit of work of tenant " + tenant + " was rolled back: a nested unit "
                        + "of work failed and its exception was caught");
            }
            unit.transaction.commit();
        } catch (Throwable e) {
            // Throwable: checked exceptions can be thrown through UnitOfWork.run (Kotlin, Lombok's @SneakyThrows), and
            // an Error must not leave half a unit of work behind either. Rethrown unchanged, as the SPI asks.
            unit.transaction.rollback();
            throw e;
        } finally {
            current.remove();
        }
        // After the commit and outside the lock: a callback may read, or open a unit of work of its own.
        for (Runnable callback : unit.afterCommit) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("an after-commit callback failed: {}", e.toString(), e);
            }
        }
        return result;
    }

    /** Runs a read of {@code tenant}'s keys: inside the open unit of work, or under the partition's read lock. */
    <T> T read(TenantId tenant, Function<OrderedKeyValueStore.View, T> read) {
        requireTenant(tenant);
        UnitOfWorkState open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            return read.apply(open.transaction);
        }
        return kv.read(partition(tenant), read);
    }

    /** Runs a write of {@code tenant}'s keys inside the open unit of work, or in a unit of work of its own. */
    <T> T write(TenantId tenant, Function<OrderedKeyValueStore.Transaction, T> write) {
        requireTenant(tenant);
        UnitOfWorkState open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            return write.apply(open.transaction);
        }
        return inTransaction(tenant, unit -> write.apply(((UnitOfWorkState) unit).transaction));
    }

    /** Refuses a record of another tenant, as every write of the SPI must. */
    static void requireTenant(TenantId tenant, TenantId recordTenant, String record) {
        if (!recordTenant.equals(tenant)) {
            throw new TenantViolationException(record + " belongs to tenant " + recordTenant + ", not to " + tenant);
        }
    }

    private static String partition(TenantId tenant) {
        return tenant.value();
    }

    private static void requireTenant(TenantId tenant) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
    }

    private static void requireSameTenant(UnitOfWorkState open, TenantId tenant) {
        if (!open.tenant.equals(tenant)) {
            throw new TenantViolationException("a unit of work of tenant " + open.tenant + " cannot touch tenant "
                    + tenant);
        }
    }

    /** The SPI's view of one open unit of work: its tenant, its store transaction and its callbacks. */
    private static final class UnitOfWorkState implements Transaction {
        private final TenantId tenant;
        private final OrderedKeyValueStore.Transaction transaction;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private boolean rollbackOnly;

        private UnitOfWorkState(TenantId tenant, OrderedKeyValueStore.Transaction transaction) {
            this.tenant = tenant;
            this.transaction = transaction;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public void afterCommit(Runnable callback) {
            afterCommit.add(callback);
        }
    }
}
