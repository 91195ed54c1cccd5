package io.crmkit.testkit;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Domain values the contracts write: hand-picked to catch the usual mistakes of a storage adapter. */
final class Fixtures {

    /** An instant with microseconds, which every adapter must keep. */
    static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456Z");

    private static final IdGenerator IDS = IdGenerator.uuidV7(Clock.systemUTC());

    private Fixtures() {
    }

    static CustomerId customerId() {
        return new CustomerId(IDS.next());
    }

    static TouchpointId touchpointId() {
        return new TouchpointId(IDS.next());
    }

    static RelationshipId relationshipId() {
        return new RelationshipId(IDS.next());
    }

    /**
     * A UUID whose most significant 64 bits are {@code high}: ids made from {@code 0x0…}, {@code 0x7f…},
     * {@code 0x80…} and {@code 0xff…} sort differently as signed numbers ({@link UUID#compareTo}) and as unsigned
     * ones (the order crmkit and every database use).
     */
    static UUID uuid(long high) {
        long low = ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Highs whose signed and unsigned orders differ, in ascending unsigned order. */
    static final long[] HIGHS_ASCENDING = {
            0x0000_0000_0000_7000L, 0x7FFF_FFFF_FFFF_7000L, 0x8000_0000_0000_7000L, 0xFFFF_FFFF_FFFF_7000L};

    // ---------------------------------------------------------------------------------------------- customers

    /** A person with only a family name and nothing else. */
    static Customer minimalPerson(TenantId tenant, CustomerId id, String familyName) {
        return Customer.builder().id(id).tenantId(tenant)
                .person(new PersonProfile(null, familyName, null))
                .createdAt(T0).updatedAt(T0)
                .build();
    }

    static Customer minimalPerson(TenantId tenant, String familyName) {
        return minimalPerson(tenant, customerId(), familyName);
    }

    static Customer personWithEmail(TenantId tenant, CustomerId id, String email) {
        return minimalPerson(tenant, id, "Miller").toBuilder()
                .emails(List.of(new EmailContact(EmailAddress.parse(email), null, false)))
                .build();
    }

    static Customer personWithPhone(TenantId tenant, CustomerId id, PhoneNumber phone) {
        return minimalPerson(tenant, id, "Miller").toBuilder()
                .phones(List.of(new PhoneContact(phone, null, false)))
                .build();
    }

    /** A person with every value set, most of them in a form that some database gets wrong. */
    static Customer fullPerson(TenantId tenant, CustomerId id) {
        return Customer.builder().id(id).tenantId(tenant).version(1)
                .person(new PersonProfile("Zoë", "O'Brien-Łukasiewicz 🎻", "Head of Purchasing; \"tea\" & cakes"))
                .emails(List.of(
                        new EmailContact(EmailAddress.parse("Zoe.OBrien@Example.COM"), "work", false),
                        new EmailContact(EmailAddress.parse("zoe+shop@mail.example.org"), null, true),
                        new EmailContact(EmailAddress.parse("ZOE@example.net"), "old", false)))
                .phones(List.of(
                        new PhoneContact(new PhoneNumber("+442079460958", "12"), "office", false),
                        new PhoneContact(PhoneNumber.ofE164("+4915123456789"), null, true),
                        new PhoneContact(PhoneNumber.ofE164("+12025550123"), "us", false)))
                .addresses(List.of(
                        new PostalAddress("1 Main Street\nFlat 2", "SW1A 1AA", "London", "Greater London", "GB",
                                "billing", true),
                        new PostalAddress("Hauptstraße 5", null, "Berlin", null, "DE", null, false)))
                .tags(Set.of("vip", "VIP", "früh-kunde", "candles 100%_off"))
                .attributes(everyAttributeType())
                .preferences(Map.of(
                        "drink", AttributeValue.text("oat latte"),
                        "sugar", AttributeValue.integer(0),
                        "size", AttributeValue.oneOf("large", List.of("small", "medium", "large")),
                        "decaf", AttributeValue.bool(false),
                        "budget", AttributeValue.decimal("12.5"),
                        "lastVisit", AttributeValue.date(LocalDate.of(2025, 12, 24))))
                // Not sorted by kind: the order written is the order read.
                .importantDates(List.of(
                        new ImportantDate("wedding", LocalDate.of(2015, 6, 20)),
                        ImportantDate.birthday(LocalDate.of(1990, 2, 28)),
                        ImportantDate.anniversary(LocalDate.of(2000, 1, 1))))
                .owner(UserId.of("owner-Ä-42"))
                .communication(new CommunicationPreference(ContactChannel.SMS, true))
                .lifecycleStage(LifecycleStage.SALES_QUALIFIED)
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(3600).plusNanos(1_000))
                .archivedAt(T0.plusSeconds(7200).plusNanos(999_000))
                .build();
    }

    /** An organisation with every value set. */
    static Customer fullOrganisation(TenantId tenant, CustomerId id) {
        return Customer.builder().id(id).tenantId(tenant).version(1)
                .organisation(new OrganisationProfile("Café Luna GmbH & Co. KG", "cafe-luna.example",
                        "Hospitality", 0))
                .emails(List.of(new EmailContact(EmailAddress.parse("hello@cafe-luna.example"), "info", true)))
                .phones(List.of(new PhoneContact(PhoneNumber.ofE164("+33142685300"), null, false)))
                .addresses(List.of(new PostalAddress("Rue de Rivoli 1", "75001", "Paris", "Île-de-France", "FR",
                        "shipping", false)))
                .tags(Set.of("wholesale"))
                .attributes(Map.of("segment", AttributeValue.oneOf("B2B", List.of("B2C", "B2B"))))
                .owner(UserId.of("owner-7"))
                .communication(CommunicationPreference.prefers(ContactChannel.EMAIL))
                .lifecycleStage(LifecycleStage.OTHER)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /**
     * One attribute of each type, with the edge values of each: empty and maximal text, the extreme integers,
     * decimals of 38 digits, 18 places and exponent 20, both booleans, the extreme dates, a one-of whose options are
     * not sorted, and keys that differ only in case.
     */
    static Map<String, AttributeValue> everyAttributeType() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("text", AttributeValue.text("Grüße, 世界 🎉 'single' \"double\" back\\slash %_ wildcard\n\tend"));
        attributes.put("emptyText", AttributeValue.text(""));
        attributes.put("longText", AttributeValue.text("é€🎉x".repeat(AttributeValue.MAX_TEXT_LENGTH / 5)));
        attributes.put("integerMin", AttributeValue.integer(Long.MIN_VALUE));
        attributes.put("integerMax", AttributeValue.integer(Long.MAX_VALUE));
        attributes.put("integerZero", AttributeValue.integer(0));
        attributes.put("decimal", AttributeValue.decimal("-12345678901234567890.123456789012345678"));
        attributes.put("decimalTiny", AttributeValue.decimal("0.000000000000000001"));
        attributes.put("decimalHuge", AttributeValue.decimal(new BigDecimal("1E+20")));
        attributes.put("decimalZero", AttributeValue.decimal("0.000"));
        attributes.put("decimalTrailingZeros", AttributeValue.decimal("2.50"));
        attributes.put("yes", AttributeValue.bool(true));
        attributes.put("no", AttributeValue.bool(false));
        attributes.put("dateMin", AttributeValue.date(LocalDate.of(1900, 1, 1)));
        attributes.put("dateMax", AttributeValue.date(LocalDate.of(9999, 12, 31)));
        attributes.put("leapDay", AttributeValue.date(LocalDate.of(2024, 2, 29)));
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("silver", "gold", "bronze")));
        attributes.put("Tier", AttributeValue.oneOf("b", List.of("b", "a")));
        attributes.put("x.custom-key_1", AttributeValue.text("key with . - _"));
        return attributes;
    }

    // ---------------------------------------------------------------------------------------------- touchpoints

    /** An inbound e-mail with nothing optional. */
    static Touchpoint email(TenantId tenant, CustomerId customer, Instant occurredAt) {
        return touchpoint(tenant, touchpointId(), customer, Channel.EMAIL, Direction.INBOUND, occurredAt, null);
    }

    static Touchpoint touchpoint(TenantId tenant, TouchpointId id, CustomerId customer, Channel channel,
                                 Direction direction, Instant occurredAt, SourceRef source) {
        Purchase purchase = channel == Channel.PURCHASE ? new Purchase(Money.of("10.00", "EUR"), null) : null;
        return new Touchpoint(id, tenant, customer, channel, direction, occurredAt, occurredAt, null, null, null,
                null, Map.of(), purchase, source);
    }

    static Touchpoint withSource(TenantId tenant, CustomerId customer, Instant occurredAt, SourceRef source) {
        return touchpoint(tenant, touchpointId(), customer, Channel.EMAIL, Direction.INBOUND, occurredAt, source);
    }

    static Touchpoint purchase(TenantId tenant, CustomerId customer, Instant occurredAt, Money amount) {
        return new Touchpoint(touchpointId(), tenant, customer, Channel.PURCHASE, Direction.INBOUND, occurredAt,
                occurredAt, null, null, null, null, Map.of(), new Purchase(amount, null), null);
    }

    /** A purchase with every value set. */
    static Touchpoint fullPurchase(TenantId tenant, CustomerId customer, Money amount, String orderReference) {
        return new Touchpoint(touchpointId(), tenant, customer, Channel.PURCHASE, Direction.INBOUND,
                T0.minusSeconds(86_400).plusNanos(7_000), T0.plusNanos(1_000),
                "Order #" + orderReference + " — 2 candles «lavender»",
                "line one\nline two\ttabbed 🎉 'quotes' \"double\" \\ %_",
                UserId.of("clerk-7"), new DealId(IDS.next()), everyAttributeType(),
                new Purchase(amount, orderReference), SourceRef.of("shop.example:v2", "order/" + orderReference + "?x=1"));
    }

    /** A touchpoint of every other kind of value: outbound call, no purchase, long body. */
    static Touchpoint fullCall(TenantId tenant, CustomerId customer) {
        return new Touchpoint(touchpointId(), tenant, customer, Channel.CALL, Direction.OUTBOUND,
                T0, T0.plusSeconds(5),
                "s".repeat(Touchpoint.MAX_SUBJECT_LENGTH),
                "Body ".repeat(10_000) + "🎉",
                UserId.of("agent 12"), null, Map.of("durationSeconds", AttributeValue.integer(312)), null,
                SourceRef.of("pbx", "call-0001"));
    }

    // ---------------------------------------------------------------------------------------------- relationships

    static Relationship relationship(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to) {
        return new Relationship(relationshipId(), tenant, from, type, to, T0);
    }

    /** Throws {@code throwable}, checked or not, without the compiler knowing: what Kotlin or Lombok do. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable throwable) throws E {
        throw (E) throwable;
    }
}
