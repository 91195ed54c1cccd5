package io.crmkit.inmemory;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

final class InMemoryCustomerStore implements CustomerStore {

    private final InMemoryCrmStorage storage;

    InMemoryCustomerStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Customer customer) {
        requireTenant(tenant, customer);
        storage.write(tenant, (data, undo) -> {
            if (data.customers.containsKey(customer.id())) {
                throw new StorageException("Customer " + customer.id() + " already exists");
            }
            replace(data, null, customer);
            undo.push(() -> replace(data, customer, null));
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Customer customer) {
        requireTenant(tenant, customer);
        storage.write(tenant, (data, undo) -> {
            Customer stored = data.customers.get(customer.id());
            if (stored == null) {
                throw new NotFoundException("Customer", customer.id());
            }
            if (stored.version() != customer.version() - 1) {
                throw new ConcurrentModificationException("Customer", customer.id(), customer.version() - 1);
            }
            replace(data, stored, customer);
            undo.push(() -> replace(data, customer, stored));
            return null;
        });
    }

    /** Replaces {@code before} by {@code after} (either may be null) in the data and its indexes. */
    private static void replace(TenantData data, Customer before, Customer after) {
        if (before != null) {
            data.customers.remove(before.id());
            for (EmailContact e : before.emails()) {
                unindex(data.customersByEmail, e.address().matchKey(), before.id());
            }
            for (PhoneContact p : before.phones()) {
                unindex(data.customersByPhone, p.number().e164(), before.id());
            }
        }
        if (after != null) {
            data.customers.put(after.id(), after);
            for (EmailContact e : after.emails()) {
                data.customersByEmail.computeIfAbsent(e.address().matchKey(), k -> new TreeSet<>()).add(after.id());
            }
            for (PhoneContact p : after.phones()) {
                data.customersByPhone.computeIfAbsent(p.number().e164(), k -> new TreeSet<>()).add(after.id());
            }
        }
    }

    private static void unindex(Map<String, TreeSet<CustomerId>> index, String key, CustomerId id) {
        TreeSet<CustomerId> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.customers.get(id)));
    }

    @Override
    public List<Customer> findByEmail(TenantId tenant, EmailAddress email) {
        return storage.read(tenant, data -> lookUp(data, data.customersByEmail.get(email.matchKey())));
    }

    @Override
    public List<Customer> findByPhone(TenantId tenant, PhoneNumber phone) {
        return storage.read(tenant, data -> lookUp(data, data.customersByPhone.get(phone.e164())));
    }

    private static List<Customer> lookUp(TenantData data, Set<CustomerId> ids) {
        return ids == null ? List.of() : ids.stream().map(data.customers::get).toList();
    }

    @Override
    public Set<CustomerId> existing(TenantId tenant, Collection<CustomerId> ids) {
        return storage.read(tenant, data -> {
            Set<CustomerId> found = new HashSet<>();
            for (CustomerId id : ids) {
                if (data.customers.containsKey(id)) {
                    found.add(id);
                }
            }
            return found;
        });
    }

    @Override
    public Slice<Customer> list(TenantId tenant, CustomerQuery query, CustomerId after, int limit) {
        return storage.read(tenant, data -> {
            List<Customer> page = new ArrayList<>(limit + 1);
            var candidates = after == null ? data.customers.values() : data.customers.tailMap(after, false).values();
            for (Customer customer : candidates) {
                if (query.matches(customer)) {
                    page.add(customer);
                    if (page.size() > limit) {
                        break;
                    }
                }
            }
            return Slice.of(page, limit);
        });
    }

    static void requireTenant(TenantId tenant, Customer customer) {
        if (!customer.tenantId().equals(tenant)) {
            throw new TenantViolationException("Customer " + customer.id() + " belongs to tenant "
                    + customer.tenantId() + ", not to " + tenant);
        }
    }
}
