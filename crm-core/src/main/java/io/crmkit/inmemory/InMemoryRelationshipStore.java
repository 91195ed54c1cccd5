package io.crmkit.inmemory;

import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

final class InMemoryRelationshipStore implements RelationshipStore {

    private final InMemoryCrmStorage storage;

    InMemoryRelationshipStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Relationship relationship) {
        if (!relationship.tenantId().equals(tenant)) {
            throw new TenantViolationException("Relationship " + relationship.id() + " belongs to tenant "
                    + relationship.tenantId() + ", not to " + tenant);
        }
        storage.write(tenant, (data, undo) -> {
            if (data.relationships.containsKey(relationship.id())) {
                throw new StorageException("Relationship " + relationship.id() + " already exists");
            }
            add(data, relationship);
            undo.push(() -> remove(data, relationship));
            return null;
        });
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, RelationshipId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.relationships.get(id)));
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to) {
        return storage.read(tenant, data -> {
            TreeSet<RelationshipId> ids = data.relationshipsByCustomer.get(from);
            if (ids == null) {
                return Optional.empty();
            }
            return ids.stream().map(data.relationships::get)
                    .filter(r -> r.from().equals(from) && r.to().equals(to) && r.type().equals(type))
                    .findFirst();
        });
    }

    @Override
    public boolean delete(TenantId tenant, RelationshipId id) {
        return storage.write(tenant, (data, undo) -> {
            Relationship relationship = data.relationships.get(id);
            if (relationship == null) {
                return false;
            }
            remove(data, relationship);
            undo.push(() -> add(data, relationship));
            return true;
        });
    }

    @Override
    public Slice<Relationship> involving(TenantId tenant, CustomerId customer, RelationshipId after, int limit) {
        return storage.read(tenant, data -> {
            TreeSet<RelationshipId> ids = data.relationshipsByCustomer.get(customer);
            if (ids == null) {
                return Slice.<Relationship>empty();
            }
            List<Relationship> page = new ArrayList<>(limit + 1);
            for (RelationshipId id : after == null ? ids : ids.tailSet(after, false)) {
                page.add(data.relationships.get(id));
                if (page.size() > limit) {
                    break;
                }
            }
            return Slice.of(page, limit);
        });
    }

    private static void add(TenantData data, Relationship r) {
        data.relationships.put(r.id(), r);
        data.relationshipsByCustomer.computeIfAbsent(r.from(), c -> new TreeSet<>()).add(r.id());
        data.relationshipsByCustomer.computeIfAbsent(r.to(), c -> new TreeSet<>()).add(r.id());
    }

    private static void remove(TenantData data, Relationship r) {
        data.relationships.remove(r.id());
        for (CustomerId end : List.of(r.from(), r.to())) {
            TreeSet<RelationshipId> ids = data.relationshipsByCustomer.get(end);
            if (ids != null) {
                ids.remove(r.id());
                if (ids.isEmpty()) {
                    data.relationshipsByCustomer.remove(end);
                }
            }
        }
    }
}
