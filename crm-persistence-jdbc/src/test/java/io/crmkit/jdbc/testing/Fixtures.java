package io.crmkit.jdbc.testing;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.Money;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Records with every field set, for round trips. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final IdGenerator IDS = IdGenerator.uuidV7(Clock.systemUTC());
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private Fixtures() {
    }

    /** A tenant no other test uses. */
    public static TenantId newTenant() {
        return TenantId.of("t" + TENANTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static UUID nextId() {
        return IDS.next();
    }

    public static CustomerId customerId() {
        return new CustomerId(nextId());
    }

    /** A person with every field set, including attributes of every type. */
    public static Customer fullPerson(TenantId tenant) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("bronze", "silver", "gold")));
        attributes.put("visits", AttributeValue.integer(Long.MIN_VALUE));
        attributes.put("ltv", AttributeValue.decimal("12345678901234567890.123456789012345678"));
        attributes.put("vip", AttributeValue.bool(true));
        attributes.put("since", AttributeValue.date(LocalDate.of(1900, 1, 1)));
        attributes.put("note", AttributeValue.text("ünïcödé ☕ 𝄞 \"quoted\" 'single' \\ back\nslash"));
        return new Customer(customerId(), tenant, 1, CustomerKind.PERSON,
                new PersonProfile("Sarah", "O'Connor", "Head barista"), null,
                List.of(new EmailContact(EmailAddress.parse("Sarah@Example.COM"), "work", true),
                        new EmailContact(EmailAddress.parse("sarah.home@example.org"), null, false)),
                List.of(new PhoneContact(PhoneNumber.parse("+44 20 7946 0958 ext. 12", null), "work", false),
                        new PhoneContact(PhoneNumber.ofE164("+4915112345678"), null, true)),
                List.of(new PostalAddress("1 Main St\nFlat 2", "SW1A 1AA", "London", "Greater London", "GB",
                        "home", true), new PostalAddress("Hauptstr. 5", null, "Berlin", null, "DE", null, false)),
                Set.of("vip", "latte", "VIP", "tag with spaces"), attributes,
                Map.of("drink", AttributeValue.text("oat latte"), "size", AttributeValue.decimal("0.5")),
                List.of(ImportantDate.birthday(LocalDate.of(1990, 2, 28)),
                        new ImportantDate("first-visit", LocalDate.of(2020, 1, 2))),
                UserId.of("alice@host"), CommunicationPreference.prefers(ContactChannel.SMS),
                LifecycleStage.CUSTOMER, T0, T0.plusSeconds(61), Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    /** An organisation with every field set. */
    public static Customer fullOrganisation(TenantId tenant) {
        return new Customer(customerId(), tenant, 3, CustomerKind.ORGANISATION, null,
                new OrganisationProfile("Café Luna", "cafe-luna.example", "Food & drink", 12), List.of(), List.of(),
                List.of(), Set.of(), Map.of(), Map.of(), List.of(), null, CommunicationPreference.doNotContactAtAll(),
                LifecycleStage.OTHER, Instant.parse("1900-01-01T00:00:00Z"), T0, null);
    }

    /** A minimal person. */
    public static Customer person(TenantId tenant, String name) {
        return Customer.builder().id(customerId()).tenantId(tenant).person(new PersonProfile(name, null, null))
                .createdAt(T0).updatedAt(T0).build();
    }

    public static Relationship relationship(TenantId tenant, CustomerId from, CustomerId to) {
        return new Relationship(new RelationshipId(nextId()), tenant, from, RelationshipType.WORKS_AT, to, T0);
    }

    /** A purchase with every field set. */
    public static Touchpoint fullPurchase(TenantId tenant, CustomerId customer, String externalId) {
        return new Touchpoint(new TouchpointId(nextId()), tenant, customer, Channel.PURCHASE, Direction.INBOUND,
                T0.minusSeconds(3600), T0, "Order " + externalId, "2 candles\nand a mug ☕ " + "x".repeat(5000),
                UserId.of("bob"), new DealId(nextId()),
                Map.of("store", AttributeValue.text("Soho"), "items", AttributeValue.integer(2)),
                new Purchase(Money.of("1234567890.1234", "CLF"), "1001"), SourceRef.of("shop", externalId));
    }

    /** A touchpoint of {@code channel} at {@code at}, with an optional source. */
    public static Touchpoint touchpoint(TenantId tenant, CustomerId customer, Channel channel, Instant at,
                                        String externalId) {
        return touchpoint(tenant, customer, channel, at, externalId, new TouchpointId(nextId()));
    }

    public static Touchpoint touchpoint(TenantId tenant, CustomerId customer, Channel channel, Instant at,
                                        String externalId, TouchpointId id) {
        return new Touchpoint(id, tenant, customer, channel,
                channel.ordinal() % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, at, T0, null, null, null, null,
                Map.of(), channel == Channel.PURCHASE ? new Purchase(Money.of("9.99", "EUR"), null) : null,
                externalId == null ? null : SourceRef.of("test", externalId));
    }
}
