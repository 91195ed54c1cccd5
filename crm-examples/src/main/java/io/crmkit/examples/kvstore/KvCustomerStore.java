package io.crmkit.examples.kvstore;

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
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers: {@code customer|tenant|id → Customer}, and two indexes whose values are the customer id:
 * {@code customer-email|tenant|matchKey|id} and {@code customer-phone|tenant|e164|id}. Because the id is the last
 * component, a look-up by e-mail or phone is a prefix scan that comes back ordered by id, as the SPI asks.
 */
final class KvCustomerStore implements CustomerStore {

    private final KvCrmStorage storage;

    KvCustomerStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static Key primary(TenantId tenant) {
        return Key.of("customer", tenant);
    }

    private static String key(TenantId tenant, CustomerId id) {
        return primary(tenant).id(id.value()).toString();
    }

    /** The index keys of one version of a customer. */
    private static Set<String> indexKeys(Customer customer) {
        Set<String> keys = new LinkedHashSet<>();
        for (EmailContact email : customer.emails()) {
            keys.add(Key.of("customer-email", customer.tenantId()).text(email.address().matchKey())
                    .id(customer.id().value()).toString());
        }
        for (PhoneContact phone : customer.phones()) {
            keys.add(Key.of("customer-phone", customer.tenantId()).text(phone.number().e164())
                    .id(customer.id().value()).toString());
        }
        return keys;
    }

    @Override
    public void insert(TenantId tenant, Customer customer) {
        KvCrmStorage.requireTenant(tenant, customer.tenantId(), "Customer " + customer.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, customer.id());
            if (tx.get(key) != null) {
                throw new StorageException("Customer " + customer.id() + " already exists");
            }
            tx.put(key, customer);
            Scans.reindex(tx, Set.of(), indexKeys(customer), customer.id());
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Customer customer) {
        KvCrmStorage.requireTenant(tenant, customer.tenantId(), "Customer " + customer.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, customer.id());
            Customer stored = (Customer) tx.get(key);
            if (stored == null) {
                throw new NotFoundException("Customer", customer.id());
            }
            // Optimistic locking is a compare-and-set on the version, inside the transaction.
            if (stored.version() != customer.version() - 1) {
                throw new ConcurrentModificationException("Customer", customer.id(), customer.version() - 1);
            }
            tx.put(key, customer);
            Scans.reindex(tx, indexKeys(stored), indexKeys(customer), customer.id());
            return null;
        });
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Customer) view.get(key(tenant, id))));
    }

    @Override
    public List<Customer> findByEmail(TenantId tenant, EmailAddress email) {
        return lookUp(tenant, Key.of("customer-email", tenant).text(email.matchKey()));
    }

    @Override
    public List<Customer> findByPhone(TenantId tenant, PhoneNumber phone) {
        return lookUp(tenant, Key.of("customer-phone", tenant).text(phone.e164()));
    }

    private List<Customer> lookUp(TenantId tenant, Key prefix) {
        return storage.read(tenant, view -> {
            List<Customer> found = new ArrayList<>();
            for (Map.Entry<String, Object> entry : view.scan(prefix.toString(), true, prefix.end(), false, false)) {
                found.add((Customer) view.get(key(tenant, (CustomerId) entry.getValue())));
            }
            return found;
        });
    }

    @Override
    public Set<CustomerId> existing(TenantId tenant, Collection<CustomerId> ids) {
        return storage.read(tenant, view -> {
            Set<CustomerId> found = new HashSet<>();
            for (CustomerId id : ids) {
                if (view.get(key(tenant, id)) != null) {
                    found.add(id);
                }
            }
            return found;
        });
    }

    /**
     * Scans the customers in id order and filters them. A real adapter would add an index for each selective filter
     * (tag, lifecycle stage); the slice reads matching customers only up to {@code limit + 1}, so {@code hasMore} is
     * never true because of customers that do not match.
     */
    @Override
    public Slice<Customer> list(TenantId tenant, CustomerQuery query, CustomerId after, int limit) {
        return storage.read(tenant, view -> {
            Key all = primary(tenant);
            String from = after == null ? all.toString() : key(tenant, after);
            return Scans.slice(view.scan(from, after == null, all.end(), false, false), Customer.class::cast,
                    query::matches, limit);
        });
    }
}
