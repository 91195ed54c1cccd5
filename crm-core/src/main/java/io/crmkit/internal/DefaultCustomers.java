package io.crmkit.internal;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.CustomerUnarchived;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.Customers;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipRemoved;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.RelationshipStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Customers} of one tenant. */
public final class DefaultCustomers implements Customers {

    private final CrmRuntime rt;
    private final TenantId tenant;
    private final CustomerStore store;
    private final RelationshipStore relationships;

    public DefaultCustomers(CrmRuntime rt, TenantId tenant) {
        this.rt = rt;
        this.tenant = tenant;
        this.store = rt.storage().customers();
        this.relationships = rt.storage().relationships();
    }

    @Override
    public Customer register(CustomerRegistration registration) {
        Violations violations = new Violations();
        rt.validator().validate("registration", registration, "", violations);
        Instant now = rt.now();
        CustomerId id = new CustomerId(rt.ids().next());
        // Domain rules (e-mail syntax, phone parsing, names) are checked too, so that one exception lists all.
        Customer customer = registration == null || registration.kind() == null ? null
                : violations.captureNested("", () -> Customer.register(id, tenant, registration, rt.defaultRegion(),
                now));
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            store.insert(tenant, customer);
            events.add(new CustomerRegistered(events.nextId(), tenant, customer.id(), now, customer.kind(),
                    customer.lifecycleStage()));
            return customer;
        });
    }

    @Override
    public Customer update(CustomerId id, long expectedVersion, CustomerPatch patch) {
        Violations violations = new Violations();
        requireId(id, violations);
        requireVersion(expectedVersion, violations);
        rt.validator().validate("patch", patch, "", violations);
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Customer current = current(id, expectedVersion);
            Instant now = rt.now();
            Customer changed = current.apply(patch, rt.defaultRegion(), now);
            if (changed.toBuilder().version(current.version()).updatedAt(current.updatedAt()).build()
                    .equals(current)) {
                // nothing changed (an empty patch, or values it already has): no new version, no event, no conflict
                // for a concurrent writer
                return current;
            }
            store.update(tenant, changed);
            events.add(new CustomerUpdated(events.nextId(), tenant, id, now, changed.version()));
            return changed;
        });
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        requireId(id);
        return store.find(tenant, id);
    }

    @Override
    public Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Override
    public List<Customer> findByEmail(String email) {
        return store.findByEmail(tenant, EmailAddress.parse(email));
    }

    @Override
    public List<Customer> findByPhone(String phone) {
        return findByPhone(phone, rt.defaultRegion());
    }

    @Override
    public List<Customer> findByPhone(String phone, String region) {
        return store.findByPhone(tenant, PhoneNumber.parse(phone, region));
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        if (query == null) {
            throw InvalidInputException.of("query", "must not be null");
        }
        String scope = "customers|" + tenant + "|" + query;
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new CustomerId(CursorCodec.getUuid(buffer)),
                (after, limit) -> store.list(tenant, query, after, limit),
                customer -> uuidBytes(customer.id().value()));
    }

    @Override
    public Page<Customer> list(PageRequest page) {
        return list(CustomerQuery.ACTIVE, page);
    }

    @Override
    public Customer archive(CustomerId id, long expectedVersion) {
        requireIdAndVersion(id, expectedVersion);
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Customer archived = current(id, expectedVersion).archive(now);
            store.update(tenant, archived);
            events.add(new CustomerArchived(events.nextId(), tenant, id, now));
            return archived;
        });
    }

    @Override
    public Customer unarchive(CustomerId id, long expectedVersion) {
        requireIdAndVersion(id, expectedVersion);
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Customer active = current(id, expectedVersion).unarchive(now);
            store.update(tenant, active);
            events.add(new CustomerUnarchived(events.nextId(), tenant, id, now));
            return active;
        });
    }

    @Override
    public LifecycleChange advanceLifecycle(CustomerId id, LifecycleStage target) {
        Violations violations = new Violations();
        requireId(id, violations);
        if (target == null) {
            violations.add("target", "must not be null");
        }
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            LifecycleChange change = get(id).moveLifecycleTo(target, now);
            if (change instanceof LifecycleChange.Advanced advanced) {
                store.update(tenant, advanced.customer());
                events.add(new LifecycleStageChanged(events.nextId(), tenant, id, now, advanced.from(),
                        advanced.to(), false, null));
            }
            return change;
        });
    }

    @Override
    public Customer resetLifecycle(CustomerId id, LifecycleStage target, String reason) {
        Violations violations = new Violations();
        requireId(id, violations);
        if (target == null) {
            violations.add("target", "must not be null");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            violations.add("reason", "must be 1 to 500 characters: a reset says why");
        }
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Customer current = get(id);
            Customer reset = current.resetLifecycleTo(target, now);
            store.update(tenant, reset);
            events.add(new LifecycleStageChanged(events.nextId(), tenant, id, now, current.lifecycleStage(),
                    target, true, reason.strip()));
            return reset;
        });
    }

    @Override
    public Relationship relate(CustomerId from, RelationshipType type, CustomerId to) {
        Violations violations = new Violations();
        if (from == null) {
            violations.add("from", "must not be null");
        }
        if (type == null) {
            violations.add("type", "must not be null");
        }
        if (to == null) {
            violations.add("to", "must not be null");
        }
        if (from != null && from.equals(to)) {
            violations.add("to", "a customer cannot be related to itself");
        }
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            requireActive(get(from));
            requireActive(get(to));
            Optional<Relationship> existing = relationships.find(tenant, from, type, to);
            if (existing.isEmpty() && type.isSymmetric()) {
                existing = relationships.find(tenant, to, type, from);
            }
            if (existing.isEmpty()) {
                existing = relationships.find(tenant, to, type.inverse(), from);
            }
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = rt.now();
            Relationship relationship = new Relationship(new RelationshipId(rt.ids().next()), tenant, from, type, to,
                    now);
            relationships.insert(tenant, relationship);
            events.add(new RelationshipCreated(events.nextId(), tenant, relationship.id(), now, from, type, to));
            return relationship;
        });
    }

    @Override
    public void removeRelationship(RelationshipId id) {
        if (id == null) {
            throw InvalidInputException.of("relationshipId", "must not be null");
        }
        rt.write(tenant, events -> {
            Relationship relationship = relationships.find(tenant, id)
                    .orElseThrow(() -> new NotFoundException("Relationship", id));
            relationships.delete(tenant, id);
            events.add(new RelationshipRemoved(events.nextId(), tenant, id, rt.now(), relationship.from(),
                    relationship.type(), relationship.to()));
            return null;
        });
    }

    @Override
    public Page<RelatedCustomer> relationships(CustomerId id, PageRequest page) {
        get(id);
        String scope = "relationships|" + tenant + "|" + id;
        Page<Relationship> raw = Paging.page(rt.cursors(), scope, page,
                buffer -> new RelationshipId(CursorCodec.getUuid(buffer)),
                (after, limit) -> relationships.involving(tenant, id, after, limit),
                relationship -> uuidBytes(relationship.id().value()));
        List<RelatedCustomer> sides = raw.items().stream().map(r -> r.seenFrom(id)).toList();
        return new Page<>(sides, raw.nextCursor().orElse(null), page.size());
    }

    private Customer current(CustomerId id, long expectedVersion) {
        Customer current = get(id);
        if (current.version() != expectedVersion) {
            throw new io.crmkit.shared.ConcurrentModificationException("Customer", id, expectedVersion);
        }
        return current;
    }

    private static void requireActive(Customer customer) {
        if (customer.isArchived()) {
            throw new IllegalTransitionException("Customer", customer.id(),
                    "an archived customer cannot be related; unarchive it first");
        }
    }

    private static void requireId(CustomerId id) {
        Violations violations = new Violations();
        requireId(id, violations);
        violations.throwIfAny();
    }

    private static void requireId(CustomerId id, Violations violations) {
        if (id == null) {
            violations.add("customerId", "must not be null");
        }
    }

    // Versions start at 1: a smaller one is a caller's mistake, not a concurrent change.
    private static void requireVersion(long expectedVersion, Violations violations) {
        if (expectedVersion < 1) {
            violations.add("expectedVersion", "must be at least 1, the version of a new customer");
        }
    }

    private static void requireIdAndVersion(CustomerId id, long expectedVersion) {
        Violations violations = new Violations();
        requireId(id, violations);
        requireVersion(expectedVersion, violations);
        violations.throwIfAny();
    }

    static byte[] uuidBytes(java.util.UUID uuid) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        CursorCodec.putUuid(buffer, uuid);
        return buffer.array();
    }
}
