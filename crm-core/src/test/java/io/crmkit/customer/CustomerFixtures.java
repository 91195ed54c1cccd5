package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Test data for customers. */
final class CustomerFixtures {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final CustomerId ID = CustomerId.of(UUID.fromString("0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f"));
    static final TenantId TENANT = TenantId.of("shop-1");

    private CustomerFixtures() {
    }

    /** A valid person with nothing but a name, at version 1, stage LEAD. */
    static Customer.Builder person() {
        return Customer.builder().id(ID).tenantId(TENANT).person(new PersonProfile("Sarah", "Miller", null))
                .createdAt(T0).updatedAt(T0);
    }

    /** A valid organisation with nothing but a name. */
    static Customer.Builder organisation() {
        return Customer.builder().id(ID).tenantId(TENANT).organisation(new OrganisationProfile("Café Luna", null,
                null, null)).createdAt(T0).updatedAt(T0);
    }

    static EmailContact email(String address, boolean primary) {
        return new EmailContact(EmailAddress.parse(address), null, primary);
    }

    static PhoneContact phone(String e164, boolean primary) {
        return new PhoneContact(PhoneNumber.ofE164(e164), null, primary);
    }

    static PostalAddress address(String street, boolean primary) {
        return new PostalAddress(street, "EC1A 1BB", "London", null, "GB", null, primary);
    }
}
