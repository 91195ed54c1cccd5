package io.crmkit.spi;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores customers. Every value of a {@link io.crmkit.customer.Customer} round-trips unchanged. */
public interface CustomerStore {

    /**
     * Stores a new customer; crmkit always inserts version 1.
     *
     * @throws io.crmkit.shared.StorageException         if a customer with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code customer.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Customer customer);

    /**
     * Replaces a stored customer with {@code customer}, whose version must be exactly one more than the stored one.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored version is not
     *                                                          {@code customer.version() - 1}
     * @throws io.crmkit.shared.NotFoundException               if there is no such customer in {@code tenant}
     * @throws io.crmkit.shared.TenantViolationException        if {@code customer.tenantId()} is not {@code tenant}
     */
    void update(TenantId tenant, Customer customer);

    /** The customer, if it exists in {@code tenant}. */
    Optional<Customer> find(TenantId tenant, CustomerId id);

    /**
     * The customers having an address with the same {@link EmailAddress#matchKey()}, ordered by id (archived
     * included).
     */
    List<Customer> findByEmail(TenantId tenant, EmailAddress email);

    /** The customers having a number with the same E.164 form (extensions ignored), ordered by id. */
    List<Customer> findByPhone(TenantId tenant, PhoneNumber phone);

    /** Which of {@code ids} exist in {@code tenant}. */
    Set<CustomerId> existing(TenantId tenant, Collection<CustomerId> ids);

    /**
     * Customers matching {@code query}, ordered by id ascending (unsigned, see
     * {@link io.crmkit.shared.Ids#compare}), starting after {@code after} (null for the start), at most
     * {@code limit}.
     */
    Slice<Customer> list(TenantId tenant, CustomerQuery query, CustomerId after, int limit);

    /**
     * The active organisations whose {@link io.crmkit.customer.OrganisationProfile#domain() domain} equals
     * {@code domain} (when it is not null) or whose name equals {@code name} ignoring case and surrounding white
     * space (when it is not null), ordered by id. Used to match a converted lead's company.
     *
     * <p>Default: pages through {@link #list} (correct, but reads every organisation); adapters with an index on
     * domain and name override it.
     */
    default List<Customer> findOrganisations(TenantId tenant, String domain, String name) {
        CustomerQuery organisations = new CustomerQuery(CustomerKind.ORGANISATION, null, null, false);
        String wantedDomain = domain == null ? null : domain.strip().toLowerCase(Locale.ROOT);
        String wantedName = name == null ? null : name.strip();
        List<Customer> found = new ArrayList<>();
        CustomerId after = null;
        while (true) {
            Slice<Customer> slice = list(tenant, organisations, after, 500);
            for (Customer c : slice.items()) {
                boolean byDomain = wantedDomain != null && wantedDomain.equals(c.organisation().domain());
                boolean byName = wantedName != null && c.organisation().name().equalsIgnoreCase(wantedName);
                if (byDomain || byName) {
                    found.add(c);
                }
            }
            if (!slice.hasMore() || slice.items().isEmpty()) {
                return found;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }
}
