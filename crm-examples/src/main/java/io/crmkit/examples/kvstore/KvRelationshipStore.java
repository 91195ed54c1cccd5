package io.crmkit.examples.kvstore;

import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.Slice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Relationships, each stored once: {@code relationship|tenant|id → Relationship}; {@code relationship-end|tenant|
 * customer|id} for each end (read from both sides, by relationship id), and {@code relationship-link|tenant|from|
 * label|inverse label|to|id} for the look-up of one link in exactly one direction.
 */
final class KvRelationshipStore implements RelationshipStore {

    private final KvCrmStorage storage;

    KvRelationshipStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, RelationshipId id) {
        return Key.of("relationship", tenant).id(id.value()).toString();
    }

    private static Key endPrefix(TenantId tenant, CustomerId customer) {
        return Key.of("relationship-end", tenant).id(customer.value());
    }

    private static Key linkPrefix(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to) {
        return Key.of("relationship-link", tenant).id(from.value()).text(type.label()).text(type.inverseLabel())
                .id(to.value());
    }

    private static List<String> indexKeys(TenantId tenant, Relationship r) {
        return List.of(endPrefix(tenant, r.from()).id(r.id().value()).toString(),
                endPrefix(tenant, r.to()).id(r.id().value()).toString(),
                linkPrefix(tenant, r.from(), r.type(), r.to()).id(r.id().value()).toString());
    }

    @Override
    public void insert(TenantId tenant, Relationship relationship) {
        KvCrmStorage.requireTenant(tenant, relationship.tenantId(), "Relationship " + relationship.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, relationship.id());
            if (tx.get(key) != null) {
                throw new StorageException("Relationship " + relationship.id() + " already exists");
            }
            tx.put(key, relationship);
            Scans.reindex(tx, Set.of(), indexKeys(tenant, relationship), relationship.id());
            return null;
        });
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, RelationshipId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Relationship) view.get(key(tenant, id))));
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to) {
        return storage.read(tenant, view -> {
            Key prefix = linkPrefix(tenant, from, type, to);
            for (Map.Entry<String, Object> entry : view.scan(prefix.toString(), true, prefix.end(), false, false)) {
                return Optional.of((Relationship) view.get(key(tenant, (RelationshipId) entry.getValue())));
            }
            return Optional.<Relationship>empty();
        });
    }

    @Override
    public boolean delete(TenantId tenant, RelationshipId id) {
        return storage.write(tenant, tx -> {
            String key = key(tenant, id);
            Relationship stored = (Relationship) tx.get(key);
            if (stored == null) {
                return false;
            }
            tx.delete(key);
            Scans.reindex(tx, indexKeys(tenant, stored), Set.of(), id);
            return true;
        });
    }

    @Override
    public Slice<Relationship> involving(TenantId tenant, CustomerId customer, RelationshipId after, int limit) {
        return storage.read(tenant, view -> {
            Key prefix = endPrefix(tenant, customer);
            String from = after == null ? prefix.toString() : endPrefix(tenant, customer).id(after.value()).toString();
            return Scans.slice(view.scan(from, after == null, prefix.end(), false, false),
                    id -> (Relationship) view.get(key(tenant, (RelationshipId) id)), limit);
        });
    }
}
