package io.crmkit.inmemory;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps everything in memory: the reference implementation of the storage SPI, for tests, demos and hosts whose
 * data may vanish with the process.
 *
 * <p><b>Concurrency.</b> Each tenant's data sits behind its own read-write lock: units of work of one tenant run one
 * at a time, reads run in parallel with each other, and tenants never wait for each other. A unit of work keeps an
 * undo log and rolls back completely when it throws.
 *
 * <p><b>Speed.</b> Look-ups by id, e-mail, phone and source are hash look-ups; timelines are sorted maps per
 * customer (and per customer and channel), so a page costs {@code O(log n + page)} whatever the history's length.
 * Deal and task lists are sorted sets in the order of their queries, and the pipeline summary is kept as running
 * totals per stage and currency.
 */
public final class InMemoryCrmStorage implements CrmStorage {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCrmStorage.class);

    private final ConcurrentHashMap<TenantId, TenantData> tenants = new ConcurrentHashMap<>();
    private final ThreadLocal<InMemoryTransaction> current = new ThreadLocal<>();
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore(this);
    private final InMemoryRelationshipStore relationships = new InMemoryRelationshipStore(this);
    private final InMemoryTouchpointStore touchpoints = new InMemoryTouchpointStore(this);
    private final InMemoryLeadStore leads = new InMemoryLeadStore(this);
    private final InMemoryPipelineStore pipelines = new InMemoryPipelineStore(this);
    private final InMemoryDealStore deals = new InMemoryDealStore(this);
    private final InMemoryTaskStore tasks = new InMemoryTaskStore(this);

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
    public LeadStore leads() {
        return leads;
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
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        if (tenant == null || work == null) {
            throw new IllegalArgumentException("tenant and work must not be null");
        }
        InMemoryTransaction open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            try {
                return work.run(open);
            } catch (Throwable e) {
                // A failed nested unit of work dooms the whole one, even if the outer work catches the exception.
                open.rollbackOnly = true;
                throw e;
            }
        }
        TenantData data = data(tenant);
        InMemoryTransaction tx = new InMemoryTransaction(tenant);
        T result;
        data.lock.writeLock().lock();
        current.set(tx);
        try {
            result = work.run(tx);
            if (tx.rollbackOnly) {
                throw new StorageException("the unit of work of tenant " + tenant + " was rolled back: a nested unit "
                        + "of work failed and its exception was caught");
            }
        } catch (Throwable e) {
            // Throwable, not RuntimeException | Error: Kotlin, Scala and Lombok's @SneakyThrows throw checked
            // exceptions through UnitOfWork.run, and those must roll back too. Rethrown unchanged.
            tx.rollback();
            throw e;
        } finally {
            current.remove();
            data.lock.writeLock().unlock();
        }
        tx.afterCommit.forEach(InMemoryCrmStorage::runCallback);
        return result;
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("an after-commit callback failed: {}", e.toString(), e);
        }
    }

    /** Runs a read of {@code tenant}'s data under its read lock (or inside the open unit of work). */
    <T> T read(TenantId tenant, Function<TenantData, T> read) {
        requireTenant(tenant);
        InMemoryTransaction open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            return read.apply(data(tenant));
        }
        TenantData data = data(tenant);
        data.lock.readLock().lock();
        try {
            return read.apply(data);
        } finally {
            data.lock.readLock().unlock();
        }
    }

    /** Runs a write of {@code tenant}'s data inside the open unit of work, or in a unit of work of its own. */
    <T> T write(TenantId tenant, WriteOp<T> write) {
        requireTenant(tenant);
        InMemoryTransaction open = current.get();
        if (open != null) {
            requireSameTenant(open, tenant);
            return write.apply(data(tenant), open.undo);
        }
        return inTransaction(tenant, tx -> write.apply(data(tenant), ((InMemoryTransaction) tx).undo));
    }

    private TenantData data(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TenantData());
    }

    private static void requireTenant(TenantId tenant) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
    }

    private static void requireSameTenant(InMemoryTransaction open, TenantId tenant) {
        if (!open.tenant.equals(tenant)) {
            throw new TenantViolationException("a unit of work of tenant " + open.tenant
                    + " cannot touch tenant " + tenant);
        }
    }

    /** A write against one tenant's data that records how to undo itself. */
    @FunctionalInterface
    interface WriteOp<T> {
        T apply(TenantData data, Deque<Runnable> undo);
    }

    private static final class InMemoryTransaction implements Transaction {
        private final TenantId tenant;
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private boolean rollbackOnly;

        private InMemoryTransaction(TenantId tenant) {
            this.tenant = tenant;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public void afterCommit(Runnable callback) {
            afterCommit.add(callback);
        }

        private void rollback() {
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException e) {
                    // An undo step failing would be a bug in this adapter; undo the rest regardless.
                    LOG.error("in-memory rollback step failed", e);
                }
            }
        }
    }
}
