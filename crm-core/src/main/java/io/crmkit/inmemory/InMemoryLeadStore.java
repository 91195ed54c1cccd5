package io.crmkit.inmemory;

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
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

final class InMemoryLeadStore implements LeadStore {

    private final InMemoryCrmStorage storage;

    InMemoryLeadStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Lead lead) {
        requireTenant(tenant, lead);
        storage.write(tenant, (data, undo) -> {
            if (data.leads.containsKey(lead.id())) {
                throw new StorageException("Lead " + lead.id() + " already exists");
            }
            replace(data, null, lead);
            undo.push(() -> replace(data, lead, null));
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Lead lead) {
        requireTenant(tenant, lead);
        storage.write(tenant, (data, undo) -> {
            Lead stored = data.leads.get(lead.id());
            if (stored == null) {
                throw new NotFoundException("Lead", lead.id());
            }
            if (stored.version() != lead.version() - 1) {
                throw new ConcurrentModificationException("Lead", lead.id(), lead.version() - 1);
            }
            replace(data, stored, lead);
            undo.push(() -> replace(data, lead, stored));
            return null;
        });
    }

    /** Replaces {@code before} by {@code after} (either may be null) in the data and its indexes. */
    private static void replace(TenantData data, Lead before, Lead after) {
        if (before != null) {
            data.leads.remove(before.id());
            if (before.email() != null) {
                unindex(data.leadsByEmail, before.email().matchKey(), before.id());
            }
            if (before.phone() != null) {
                unindex(data.leadsByPhone, before.phone().e164(), before.id());
            }
        }
        if (after != null) {
            data.leads.put(after.id(), after);
            if (after.email() != null) {
                data.leadsByEmail.computeIfAbsent(after.email().matchKey(), k -> new TreeSet<>()).add(after.id());
            }
            if (after.phone() != null) {
                data.leadsByPhone.computeIfAbsent(after.phone().e164(), k -> new TreeSet<>()).add(after.id());
            }
        }
    }

    private static void unindex(Map<String, TreeSet<LeadId>> index, String key, LeadId id) {
        TreeSet<LeadId> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.leads.get(id)));
    }

    @Override
    public Optional<LeadId> claimSource(TenantId tenant, SourceRef source, LeadId lead) {
        return storage.write(tenant, (data, undo) -> {
            LeadId holder = data.leadSources.get(source);
            if (holder != null) {
                return Optional.of(holder);
            }
            data.leadSources.put(source, lead);
            undo.push(() -> data.leadSources.remove(source));
            return Optional.<LeadId>empty();
        });
    }

    @Override
    public Optional<LeadId> findBySource(TenantId tenant, SourceRef source) {
        return storage.read(tenant, data -> Optional.ofNullable(data.leadSources.get(source)));
    }

    @Override
    public List<Lead> findByEmail(TenantId tenant, EmailAddress email) {
        return storage.read(tenant, data -> lookUp(data, data.leadsByEmail.get(email.matchKey())));
    }

    @Override
    public List<Lead> findByPhone(TenantId tenant, PhoneNumber phone) {
        return storage.read(tenant, data -> lookUp(data, data.leadsByPhone.get(phone.e164())));
    }

    private static List<Lead> lookUp(TenantData data, Set<LeadId> ids) {
        return ids == null ? List.of() : ids.stream().map(data.leads::get).toList();
    }

    @Override
    public Slice<Lead> list(TenantId tenant, LeadQuery query, LeadId after, int limit) {
        return storage.read(tenant, data -> {
            List<Lead> page = new ArrayList<>(limit + 1);
            var candidates = after == null ? data.leads.values() : data.leads.tailMap(after, false).values();
            for (Lead lead : candidates) {
                if (query.matches(lead)) {
                    page.add(lead);
                    if (page.size() > limit) {
                        break;
                    }
                }
            }
            return Slice.of(page, limit);
        });
    }

    @Override
    public void appendHistory(TenantId tenant, LeadStatusChange change) {
        storage.write(tenant, (data, undo) -> {
            TreeMap<Long, LeadStatusChange> history = data.leadHistory.computeIfAbsent(change.leadId(),
                    l -> new TreeMap<>());
            if (history.containsKey(change.version())) {
                throw new StorageException("Lead " + change.leadId() + " already has a history entry at version "
                        + change.version());
            }
            history.put(change.version(), change);
            undo.push(() -> {
                history.remove(change.version());
                if (history.isEmpty()) {
                    data.leadHistory.remove(change.leadId());
                }
            });
            return null;
        });
    }

    @Override
    public Slice<LeadStatusChange> history(TenantId tenant, LeadId lead, long afterVersion, int limit) {
        return storage.read(tenant, data -> {
            TreeMap<Long, LeadStatusChange> history = data.leadHistory.get(lead);
            if (history == null) {
                return Slice.<LeadStatusChange>empty();
            }
            List<LeadStatusChange> page = new ArrayList<>(limit + 1);
            for (LeadStatusChange change : history.tailMap(afterVersion, false).values()) {
                page.add(change);
                if (page.size() > limit) {
                    break;
                }
            }
            return Slice.of(page, limit);
        });
    }

    @Override
    public long nextInSequence(TenantId tenant, String name) {
        return storage.write(tenant, (data, undo) -> {
            Long before = data.sequences.get(name);
            long next = before == null ? 1 : before + 1;
            data.sequences.put(name, next);
            undo.push(() -> {
                if (before == null) {
                    data.sequences.remove(name);
                } else {
                    data.sequences.put(name, before);
                }
            });
            return next;
        });
    }

    @Override
    public Optional<LeadSettings> settings(TenantId tenant) {
        return storage.read(tenant, data -> Optional.ofNullable(data.leadSettings));
    }

    @Override
    public void saveSettings(TenantId tenant, LeadSettings settings) {
        storage.write(tenant, (data, undo) -> {
            LeadSettings before = data.leadSettings;
            data.leadSettings = settings;
            undo.push(() -> data.leadSettings = before);
            return null;
        });
    }

    private static void requireTenant(TenantId tenant, Lead lead) {
        if (!lead.tenantId().equals(tenant)) {
            throw new TenantViolationException("Lead " + lead.id() + " belongs to tenant " + lead.tenantId()
                    + ", not to " + tenant);
        }
    }
}
