package io.crmkit.examples.kvstore;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leads, laid out like customers: {@code lead|tenant|id → Lead}, look-up indexes {@code lead-email|tenant|matchKey|id}
 * and {@code lead-phone|tenant|e164|id}; the status history at {@code lead-history|tenant|lead|version}; the capture
 * source keys at {@code lead-source|tenant|system|external id → LeadId} (a unique key: claimed by a read and a write
 * in one transaction); the assignment sequences at {@code lead-sequence|tenant|name → Long}; the settings at
 * {@code lead-settings|tenant}.
 */
final class KvLeadStore implements LeadStore {

    private final KvCrmStorage storage;

    KvLeadStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, LeadId id) {
        return Key.of("lead", tenant).id(id.value()).toString();
    }

    private static String sourceKey(TenantId tenant, SourceRef source) {
        return Key.of("lead-source", tenant).text(source.system()).text(source.externalId()).toString();
    }

    private static Key history(TenantId tenant, LeadId lead) {
        return Key.of("lead-history", tenant).id(lead.value());
    }

    private static Set<String> indexKeys(Lead lead) {
        Set<String> keys = new LinkedHashSet<>();
        if (lead.email() != null) {
            keys.add(Key.of("lead-email", lead.tenantId()).text(lead.email().matchKey()).id(lead.id().value())
                    .toString());
        }
        if (lead.phone() != null) {
            keys.add(Key.of("lead-phone", lead.tenantId()).text(lead.phone().e164()).id(lead.id().value())
                    .toString());
        }
        return keys;
    }

    @Override
    public void insert(TenantId tenant, Lead lead) {
        KvCrmStorage.requireTenant(tenant, lead.tenantId(), "Lead " + lead.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, lead.id());
            if (tx.get(key) != null) {
                throw new StorageException("Lead " + lead.id() + " already exists");
            }
            tx.put(key, lead);
            Scans.reindex(tx, Set.of(), indexKeys(lead), lead.id());
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Lead lead) {
        KvCrmStorage.requireTenant(tenant, lead.tenantId(), "Lead " + lead.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, lead.id());
            Lead stored = (Lead) tx.get(key);
            if (stored == null) {
                throw new NotFoundException("Lead", lead.id());
            }
            if (stored.version() != lead.version() - 1) {
                throw new ConcurrentModificationException("Lead", lead.id(), lead.version() - 1);
            }
            tx.put(key, lead);
            Scans.reindex(tx, indexKeys(stored), indexKeys(lead), lead.id());
            return null;
        });
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Lead) view.get(key(tenant, id))));
    }

    @Override
    public Optional<LeadId> claimSource(TenantId tenant, SourceRef source, LeadId lead) {
        return storage.write(tenant, tx -> {
            LeadId holder = (LeadId) tx.get(sourceKey(tenant, source));
            if (holder != null) {
                return Optional.of(holder);
            }
            tx.put(sourceKey(tenant, source), lead);
            return Optional.<LeadId>empty();
        });
    }

    @Override
    public Optional<LeadId> findBySource(TenantId tenant, SourceRef source) {
        return storage.read(tenant, view -> Optional.ofNullable((LeadId) view.get(sourceKey(tenant, source))));
    }

    @Override
    public List<Lead> findByEmail(TenantId tenant, EmailAddress email) {
        return lookUp(tenant, Key.of("lead-email", tenant).text(email.matchKey()));
    }

    @Override
    public List<Lead> findByPhone(TenantId tenant, PhoneNumber phone) {
        return lookUp(tenant, Key.of("lead-phone", tenant).text(phone.e164()));
    }

    private List<Lead> lookUp(TenantId tenant, Key prefix) {
        return storage.read(tenant, view -> {
            List<Lead> found = new ArrayList<>();
            for (Map.Entry<String, Object> entry : view.scan(prefix.toString(), true, prefix.end(), false, false)) {
                found.add((Lead) view.get(key(tenant, (LeadId) entry.getValue())));
            }
            return found;
        });
    }

    /** Scans the leads in id order and filters them, like {@link KvCustomerStore#list}. */
    @Override
    public Slice<Lead> list(TenantId tenant, LeadQuery query, LeadId after, int limit) {
        return storage.read(tenant, view -> {
            Key all = Key.of("lead", tenant);
            String from = after == null ? all.toString() : key(tenant, after);
            return Scans.slice(view.scan(from, after == null, all.end(), false, false), Lead.class::cast,
                    query::matches, limit);
        });
    }

    @Override
    public void appendHistory(TenantId tenant, LeadStatusChange change) {
        storage.write(tenant, tx -> {
            String key = history(tenant, change.leadId()).number(change.version()).toString();
            if (tx.get(key) != null) {
                throw new StorageException("Lead " + change.leadId() + " already has a history entry at version "
                        + change.version());
            }
            tx.put(key, change);
            return null;
        });
    }

    @Override
    public Slice<LeadStatusChange> history(TenantId tenant, LeadId lead, long afterVersion, int limit) {
        return storage.read(tenant, view -> {
            Key prefix = history(tenant, lead);
            String from = history(tenant, lead).number(afterVersion).toString();
            return Scans.slice(view.scan(from, false, prefix.end(), false, false), LeadStatusChange.class::cast,
                    limit);
        });
    }

    @Override
    public long nextInSequence(TenantId tenant, String name) {
        return storage.write(tenant, tx -> {
            String key = Key.of("lead-sequence", tenant).text(name).toString();
            Long before = (Long) tx.get(key);
            long next = before == null ? 1 : before + 1;
            tx.put(key, next);
            return next;
        });
    }

    @Override
    public Optional<LeadSettings> settings(TenantId tenant) {
        return storage.read(tenant, view -> Optional.ofNullable(
                (LeadSettings) view.get(Key.of("lead-settings", tenant).toString())));
    }

    @Override
    public void saveSettings(TenantId tenant, LeadSettings settings) {
        storage.write(tenant, tx -> {
            tx.put(Key.of("lead-settings", tenant).toString(), settings);
            return null;
        });
    }
}
