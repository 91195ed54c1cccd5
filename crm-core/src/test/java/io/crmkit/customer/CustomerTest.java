package io.crmkit.customer;

import static io.crmkit.customer.CustomerFixtures.ID;
import static io.crmkit.customer.CustomerFixtures.T0;
import static io.crmkit.customer.CustomerFixtures.TENANT;
import static io.crmkit.customer.CustomerFixtures.address;
import static io.crmkit.customer.CustomerFixtures.email;
import static io.crmkit.customer.CustomerFixtures.organisation;
import static io.crmkit.customer.CustomerFixtures.person;
import static io.crmkit.customer.CustomerFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CustomerTest {

    @Test
    void aMinimalPersonHasEmptyDefaults() {
        Customer c = person().build();

        assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(c.communication()).isEqualTo(CommunicationPreference.NONE);
        assertThat(c.emails()).isEmpty();
        assertThat(c.phones()).isEmpty();
        assertThat(c.addresses()).isEmpty();
        assertThat(c.tags()).isEmpty();
        assertThat(c.attributes()).isEmpty();
        assertThat(c.preferences()).isEmpty();
        assertThat(c.importantDates()).isEmpty();
        assertThat(c.isArchived()).isFalse();
        assertThat(c.displayName()).isEqualTo("Sarah Miller");
        assertThat(c.primaryEmail()).isEmpty();
        assertThat(c.birthday()).isEmpty();
    }

    @Test
    void nullCollectionsAndCommunicationBecomeEmpty() {
        Customer c = new Customer(ID, TENANT, 1, CustomerKind.PERSON, new PersonProfile("A", null, null), null, null,
                null, null, null, null, null, null, null, null, LifecycleStage.LEAD, T0, T0, null);

        assertThat(c.emails()).isEmpty();
        assertThat(c.tags()).isEmpty();
        assertThat(c.attributes()).isEmpty();
        assertThat(c.communication()).isEqualTo(CommunicationPreference.NONE);
    }

    @Test
    void requiresItsIdentityAndTimestamps() {
        assertRefused(() -> person().id(null).build(), "id", "must not be null");
        assertRefused(() -> person().tenantId(null).build(), "tenantId", "must not be null");
        assertRefused(() -> person().lifecycleStage(null).build(), "lifecycleStage", "must not be null");
        assertRefused(() -> person().createdAt(null).build(), "createdAt", "must not be null");
        assertRefused(() -> person().updatedAt(null).build(), "updatedAt", "must not be null");
        assertRefused(() -> Customer.builder().id(ID).tenantId(TENANT).createdAt(T0).updatedAt(T0).build(), "kind",
                "must not be null");
    }

    @Test
    void theVersionIsAtLeastOne() {
        assertThat(person().version(1).build().version()).isEqualTo(1);
        assertThat(person().version(Long.MAX_VALUE).build().version()).isEqualTo(Long.MAX_VALUE);
        assertRefused(() -> person().version(0).build(), "version", "must be at least 1");
        assertRefused(() -> person().version(-1).build(), "version", "must be at least 1");
    }

    @Test
    void aPersonHasAPersonProfileOnlyAndAnOrganisationAnOrganisationProfileOnly() {
        PersonProfile p = new PersonProfile("Sarah", null, null);
        OrganisationProfile o = new OrganisationProfile("Café Luna", null, null, null);
        String personMessage = "a person has a person profile and no organisation profile";
        String organisationMessage = "an organisation has an organisation profile and no person profile";

        assertRefused(() -> customer(CustomerKind.PERSON, null, null), "person", personMessage);
        assertRefused(() -> customer(CustomerKind.PERSON, p, o), "person", personMessage);
        assertRefused(() -> customer(CustomerKind.PERSON, null, o), "person", personMessage);
        assertRefused(() -> customer(CustomerKind.ORGANISATION, null, null), "organisation", organisationMessage);
        assertRefused(() -> customer(CustomerKind.ORGANISATION, p, o), "organisation", organisationMessage);
        assertRefused(() -> customer(CustomerKind.ORGANISATION, p, null), "organisation", organisationMessage);

        assertThat(customer(CustomerKind.PERSON, p, null).displayName()).isEqualTo("Sarah");
        assertThat(customer(CustomerKind.ORGANISATION, null, o).displayName()).isEqualTo("Café Luna");
        // the builder switches kind and drops the other profile
        assertThat(person().organisation(o).build().person()).isNull();
        assertThat(organisation().person(p).build().kind()).isEqualTo(CustomerKind.PERSON);
    }

    @Test
    void atMostOneContactPointOfEachKindIsPrimary() {
        assertRefused(() -> person().emails(List.of(email("a@example.com", true), email("b@example.com", true)))
                .build(), "emails", "at most one may be primary");
        assertRefused(() -> person().phones(List.of(phone("+442079460958", true), phone("+442079460959", true)))
                .build(), "phones", "at most one may be primary");
        assertRefused(() -> person().addresses(List.of(address("1 High St", true), address("2 High St", true)))
                .build(), "addresses", "at most one may be primary");

        Customer c = person().emails(List.of(email("a@example.com", false), email("b@example.com", true)))
                .phones(List.of(phone("+442079460958", false), phone("+442079460959", false))).build();
        assertThat(c.primaryEmail()).contains(EmailAddress.parse("b@example.com"));
        assertThat(c.primaryPhone()).contains(PhoneNumber.ofE164("+442079460958")); // the first, as none is primary
    }

    @Test
    void refusesTheSameEmailTwiceComparedByMatchKey() {
        assertRefused(() -> person().emails(List.of(email("Sarah@example.com", false),
                email("x@example.com", false), email("sarah@EXAMPLE.COM", false))).build(),
                "emails[2]", "is already there");

        Customer c = person().emails(List.of(email("Sarah@Example.com", false))).build();
        assertThat(c.hasEmail(EmailAddress.parse("SARAH@example.COM"))).isTrue();
        assertThat(c.hasEmail(EmailAddress.parse("sara@example.com"))).isFalse();
    }

    @Test
    void refusesTheSamePhoneNumberAndExtensionTwice() {
        assertRefused(() -> person().phones(List.of(phone("+442079460958", false), phone("+442079460958", false)))
                .build(), "phones[1]", "is already there");

        // another extension of the same line is another number
        Customer c = person().phones(List.of(phone("+442079460958", false),
                new PhoneContact(new PhoneNumber("+442079460958", "12"), "reception", false))).build();
        assertThat(c.phones()).hasSize(2);
        assertThat(c.hasPhone(new PhoneNumber("+442079460958", "12"))).isTrue();
        assertThat(c.hasPhone(new PhoneNumber("+442079460958", "13"))).isFalse();
    }

    @Test
    void refusesTheSamePostalAddressTwice() {
        assertRefused(() -> person().addresses(List.of(address("1 High St", false), address("1 High St", false)))
                .build(), "addresses[1]", "is already there");
    }

    @Test
    void holdsAtMost50ContactPointsOfEachKind() {
        List<EmailContact> fifty = IntStream.range(0, 50).mapToObj(i -> email("c" + i + "@example.com", false))
                .toList();
        assertThat(person().emails(fifty).build().emails()).hasSize(50);
        List<EmailContact> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(email("c50@example.com", false));
        assertRefused(() -> person().emails(fiftyOne).build(), "emails", "must hold at most 50 entries");
    }

    @Test
    void contactPointsKeepTheirOrderAndCannotBeChangedFromOutside() {
        List<EmailContact> emails = new ArrayList<>(List.of(email("b@example.com", false),
                email("a@example.com", false)));
        Customer c = person().emails(emails).build();
        emails.clear();

        assertThat(c.emails()).extracting(e -> e.address().value()).containsExactly("b@example.com", "a@example.com");
        assertThatThrownBy(() -> c.emails().add(email("c@example.com", false)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tagsAreTrimmedSortedDistinctAndImmutable() {
        Set<String> tags = new HashSet<>(Set.of(" vip ", "candles", "vip", "Autumn"));
        Customer c = person().tags(tags).build();

        assertThat(c.tags()).containsExactly("Autumn", "candles", "vip");
        assertThatThrownBy(() -> c.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertRefused(() -> person().tags(Set.of(" ")).build(), "tags", "must not be blank; leave it out instead");
        assertRefused(() -> person().tags(Set.of("x".repeat(101))).build(), "tags", "must be at most 100 characters");
        Set<String> fiftyOne = new HashSet<>();
        IntStream.range(0, 51).forEach(i -> fiftyOne.add("tag" + i));
        assertRefused(() -> person().tags(fiftyOne).build(), "tags", "must hold at most 50 tags");
    }

    @Test
    void attributesAndPreferencesAreSortedByKeyAndKeysAreChecked() {
        Customer c = person().attributes(Map.of("tier", AttributeValue.oneOf("gold", List.of("silver", "gold")),
                "age", AttributeValue.integer(41))).preferences(Map.of("scent", AttributeValue.text("lavender")))
                .build();

        assertThat(c.attributes().keySet()).containsExactly("age", "tier");
        assertThat(c.preferences()).containsEntry("scent", AttributeValue.text("lavender"));
        assertRefused(() -> person().attributes(Map.of("1st", AttributeValue.bool(true))).build(), "attributes[1st]",
                "key must be a letter followed by up to 63 letters, digits or _ . -");
        assertRefused(() -> person().preferences(Map.of("a b", AttributeValue.bool(true))).build(),
                "preferences[a b]", "key must be a letter followed by up to 63 letters, digits or _ . -");
    }

    @Test
    void holdsAtMostOneImportantDateOfEachKind() {
        Customer c = person().importantDates(List.of(ImportantDate.birthday(LocalDate.of(1990, 4, 12)),
                new ImportantDate("first-order", LocalDate.of(2024, 1, 5)))).build();
        assertThat(c.birthday()).contains(LocalDate.of(1990, 4, 12));
        assertThat(c.importantDate("first-order")).contains(LocalDate.of(2024, 1, 5));

        assertRefused(() -> person().importantDates(List.of(ImportantDate.birthday(LocalDate.of(1990, 4, 12)),
                new ImportantDate("Birthday", LocalDate.of(1991, 4, 12)))).build(), "importantDates",
                "must hold at most one date of each kind");
    }

    @Test
    void timestampsAreTruncatedToMicrosecondsAndUpdatedAtIsNotBeforeCreatedAt() {
        Instant withNanos = Instant.parse("2026-01-01T10:00:00.123456789Z");
        Customer c = person().createdAt(withNanos).updatedAt(withNanos).build();
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z"));
        assertThat(c.updatedAt()).isEqualTo(c.createdAt());

        assertRefused(() -> person().updatedAt(T0.minusNanos(1000)).build(), "updatedAt",
                "must not be before createdAt");
        assertRefused(() -> person().createdAt(Instant.parse("1899-12-31T23:59:59Z")).build(), "createdAt",
                "must be between the years 1900 and 9999");
    }

    @Test
    void archivingBumpsTheVersionAndBlocksChanges() {
        Customer active = person().build();
        Customer archived = active.archive(T0.plusSeconds(60));

        assertThat(archived.isArchived()).isTrue();
        assertThat(archived.version()).isEqualTo(2);
        assertThat(archived.archivedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(archived.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> archived.archive(T0.plusSeconds(61))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> archived.moveLifecycleTo(LifecycleStage.CUSTOMER, T0.plusSeconds(61)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("unarchive it first");
        assertThatThrownBy(() -> archived.resetLifecycleTo(LifecycleStage.LEAD, T0.plusSeconds(61)))
                .isInstanceOf(IllegalTransitionException.class);

        Customer again = archived.unarchive(T0.plusSeconds(120));
        assertThat(again.isArchived()).isFalse();
        assertThat(again.version()).isEqualTo(3);
        assertThatThrownBy(() -> again.unarchive(T0.plusSeconds(121))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void movingTheLifecycleForwardMakesANewVersion() {
        Customer lead = person().build();
        Instant later = T0.plusSeconds(5);

        LifecycleChange change = lead.moveLifecycleTo(LifecycleStage.OPPORTUNITY, later);

        assertThat(change).isInstanceOf(LifecycleChange.Advanced.class);
        LifecycleChange.Advanced advanced = (LifecycleChange.Advanced) change;
        assertThat(advanced.from()).isEqualTo(LifecycleStage.LEAD);
        assertThat(advanced.to()).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(advanced.customer().lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(advanced.customer().version()).isEqualTo(2);
        assertThat(advanced.customer().updatedAt()).isEqualTo(later);
        assertThat(change.isRefused()).isFalse();
    }

    @Test
    void aMoveToTheCurrentStageChangesNothing() {
        Customer lead = person().build();
        LifecycleChange change = lead.moveLifecycleTo(LifecycleStage.LEAD, T0.plusSeconds(5));

        assertThat(change).isEqualTo(new LifecycleChange.Unchanged(lead));
        assertThat(change.customer()).isSameAs(lead);
    }

    @Test
    void aMoveBackwardsIsRefusedAsAValueWithAReasonAndChangesNothing() {
        Customer customer = person().lifecycleStage(LifecycleStage.CUSTOMER).build();

        LifecycleChange change = customer.moveLifecycleTo(LifecycleStage.LEAD, T0.plusSeconds(5));

        assertThat(change.isRefused()).isTrue();
        LifecycleChange.Refused refused = (LifecycleChange.Refused) change;
        assertThat(refused.customer()).isSameAs(customer);
        assertThat(refused.from()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(refused.requested()).isEqualTo(LifecycleStage.LEAD);
        assertThat(refused.reason()).isEqualTo(
                "lifecycle stage moves forward only: CUSTOMER is after LEAD; use resetLifecycle to move it back");
    }

    @Test
    void aResetMayGoBackwards() {
        Customer customer = person().lifecycleStage(LifecycleStage.CUSTOMER).version(4).build();

        Customer reset = customer.resetLifecycleTo(LifecycleStage.SUBSCRIBER, T0.plusSeconds(5));

        assertThat(reset.lifecycleStage()).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(reset.version()).isEqualTo(5);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Customer c = person().emails(List.of(email("a@example.com", true))).tags(Set.of("vip"))
                .owner(io.crmkit.shared.UserId.of("u-1")).communication(CommunicationPreference.doNotContactAtAll())
                .lifecycleStage(LifecycleStage.CUSTOMER).version(7).archivedAt(T0.plusSeconds(1))
                .updatedAt(T0.plusSeconds(1)).build();

        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    private static Customer customer(CustomerKind kind, PersonProfile person, OrganisationProfile organisation) {
        return new Customer(ID, TENANT, 1, kind, person, organisation, List.of(), List.of(), List.of(), Set.of(),
                Map.of(), Map.of(), List.of(), null, null, LifecycleStage.LEAD, T0, T0, null);
    }

    static void assertRefused(ThrowingCallable call, String path, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo(path);
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
