package io.crmkit.lead;

import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.TaskStore;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.spi.UnitOfWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real storage (the in-memory adapter) behind a wrapper that counts every write to every store and, once armed,
 * fails the n-th one with a {@link StorageException} before it reaches the adapter, as a database that goes away
 * halfway would. It also records the limit of every lead list call, so that tests can see paging.
 */
final class FaultyStorage implements CrmStorage {

    /** The SPI methods that write. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "insertAll", "moveLeadTouchpoints",
            "claimSource", "appendHistory", "nextInSequence", "saveSettings", "append");

    private final InMemoryCrmStorage inner = new InMemoryCrmStorage();
    private int writes;
    private int failAt = -1;
    final List<Integer> leadListLimits = new ArrayList<>();

    /** Fails the {@code n}-th write from now (1 = the next one). */
    void failAtWrite(int n) {
        writes = 0;
        failAt = n;
    }

    /** Counts writes from now without failing. */
    void count() {
        writes = 0;
        failAt = -1;
    }

    int writes() {
        return writes;
    }

    private <S> S wrap(Class<S> port, S store) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (WRITES.contains(method.getName())) {
                writes++;
                if (writes == failAt) {
                    failAt = -1;
                    throw new StorageException("injected failure at write " + writes + " ("
                            + port.getSimpleName() + "." + method.getName() + ")");
                }
            }
            if (port == LeadStore.class && method.getName().equals("list")) {
                leadListLimits.add((Integer) args[3]);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Override
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        return inner.inTransaction(tenant, work);
    }

    @Override
    public CustomerStore customers() {
        return wrap(CustomerStore.class, inner.customers());
    }

    @Override
    public RelationshipStore relationships() {
        return wrap(RelationshipStore.class, inner.relationships());
    }

    @Override
    public TouchpointStore touchpoints() {
        return wrap(TouchpointStore.class, inner.touchpoints());
    }

    @Override
    public LeadStore leads() {
        return wrap(LeadStore.class, inner.leads());
    }

    @Override
    public PipelineStore pipelines() {
        return wrap(PipelineStore.class, inner.pipelines());
    }

    @Override
    public DealStore deals() {
        return wrap(DealStore.class, inner.deals());
    }

    @Override
    public TaskStore tasks() {
        return wrap(TaskStore.class, inner.tasks());
    }
}
