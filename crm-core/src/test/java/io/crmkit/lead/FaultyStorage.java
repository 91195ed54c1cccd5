package io.crmkit.lead;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.spi.UnitOfWork;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A real storage (the in-memory adapter) behind a wrapper that counts every write and, once armed, fails the n-th
 * one with a {@link StorageException}, as a database that goes away halfway would. It also records the limit of
 * every lead list call, so that tests can see paging.
 */
final class FaultyStorage implements CrmStorage {

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

    private void write(String what) {
        writes++;
        if (writes == failAt) {
            failAt = -1;
            throw new StorageException("injected failure at write " + writes + " (" + what + ")");
        }
    }

    @Override
    public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
        return inner.inTransaction(tenant, work);
    }

    @Override
    public CustomerStore customers() {
        CustomerStore d = inner.customers();
        return new CustomerStore() {
            public void insert(TenantId t, Customer c) {
                write("customer insert");
                d.insert(t, c);
            }

            public void update(TenantId t, Customer c) {
                write("customer update");
                d.update(t, c);
            }

            public Optional<Customer> find(TenantId t, CustomerId id) {
                return d.find(t, id);
            }

            public List<Customer> findByEmail(TenantId t, EmailAddress e) {
                return d.findByEmail(t, e);
            }

            public List<Customer> findByPhone(TenantId t, PhoneNumber p) {
                return d.findByPhone(t, p);
            }

            public Set<CustomerId> existing(TenantId t, Collection<CustomerId> ids) {
                return d.existing(t, ids);
            }

            public Slice<Customer> list(TenantId t, CustomerQuery q, CustomerId after, int limit) {
                return d.list(t, q, after, limit);
            }
        };
    }

    @Override
    public RelationshipStore relationships() {
        RelationshipStore d = inner.relationships();
        return new RelationshipStore() {
            public void insert(TenantId t, Relationship r) {
                write("relationship insert");
                d.insert(t, r);
            }

            public Optional<Relationship> find(TenantId t, RelationshipId id) {
                return d.find(t, id);
            }

            public Optional<Relationship> find(TenantId t, CustomerId from, RelationshipType type, CustomerId to) {
                return d.find(t, from, type, to);
            }

            public boolean delete(TenantId t, RelationshipId id) {
                write("relationship delete");
                return d.delete(t, id);
            }

            public Slice<Relationship> involving(TenantId t, CustomerId c, RelationshipId after, int limit) {
                return d.involving(t, c, after, limit);
            }
        };
    }

    @Override
    public TouchpointStore touchpoints() {
        TouchpointStore d = inner.touchpoints();
        return new TouchpointStore() {
            public List<IngestOutcome> insertAll(TenantId t, List<Touchpoint> touchpoints) {
                write("touchpoint insert");
                return d.insertAll(t, touchpoints);
            }

            public Optional<Touchpoint> find(TenantId t, TouchpointId id) {
                return d.find(t, id);
            }

            public Slice<Touchpoint> timeline(TenantId t, CustomerId c, TimelineQuery q, TimelinePosition after,
                                              int limit) {
                return d.timeline(t, c, q, after, limit);
            }

            public CustomerActivity activity(TenantId t, CustomerId c) {
                return d.activity(t, c);
            }

            public Slice<CustomerActivity> lapsedBuyers(TenantId t, Instant cutoff, LapsedPosition after, int limit) {
                return d.lapsedBuyers(t, cutoff, after, limit);
            }

            public Slice<Touchpoint> leadTimeline(TenantId t, LeadId lead, TimelineQuery q, TimelinePosition after,
                                                  int limit) {
                return d.leadTimeline(t, lead, q, after, limit);
            }

            public long moveLeadTouchpoints(TenantId t, LeadId lead, CustomerId customer) {
                write("touchpoint move");
                return d.moveLeadTouchpoints(t, lead, customer);
            }
        };
    }

    @Override
    public LeadStore leads() {
        LeadStore d = inner.leads();
        return new LeadStore() {
            public void insert(TenantId t, Lead lead) {
                write("lead insert");
                d.insert(t, lead);
            }

            public void update(TenantId t, Lead lead) {
                write("lead update");
                d.update(t, lead);
            }

            public Optional<Lead> find(TenantId t, LeadId id) {
                return d.find(t, id);
            }

            public Optional<LeadId> claimSource(TenantId t, SourceRef source, LeadId lead) {
                write("lead source claim");
                return d.claimSource(t, source, lead);
            }

            public Optional<LeadId> findBySource(TenantId t, SourceRef source) {
                return d.findBySource(t, source);
            }

            public List<Lead> findByEmail(TenantId t, EmailAddress e) {
                return d.findByEmail(t, e);
            }

            public List<Lead> findByPhone(TenantId t, PhoneNumber p) {
                return d.findByPhone(t, p);
            }

            public Slice<Lead> list(TenantId t, LeadQuery q, LeadId after, int limit) {
                leadListLimits.add(limit);
                return d.list(t, q, after, limit);
            }

            public void appendHistory(TenantId t, LeadStatusChange change) {
                write("lead history");
                d.appendHistory(t, change);
            }

            public Slice<LeadStatusChange> history(TenantId t, LeadId lead, long afterVersion, int limit) {
                return d.history(t, lead, afterVersion, limit);
            }

            public long nextInSequence(TenantId t, String name) {
                write("sequence");
                return d.nextInSequence(t, name);
            }

            public Optional<LeadSettings> settings(TenantId t) {
                return d.settings(t);
            }

            public void saveSettings(TenantId t, LeadSettings settings) {
                write("lead settings");
                d.saveSettings(t, settings);
            }
        };
    }
}
