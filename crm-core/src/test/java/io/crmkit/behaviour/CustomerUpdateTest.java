package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static io.crmkit.shared.AttributeValue.integer;
import static io.crmkit.shared.AttributeValue.oneOf;
import static io.crmkit.shared.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.EmailInput;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneInput;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.UserId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Updating customers with a CustomerPatch")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerUpdateTest {

    static final PostalAddress HOME = new PostalAddress("1 High Street", "SW1A 1AA", "London", null, "GB", "home", true);
    static final PostalAddress SHOP = new PostalAddress("5 Market Row", null, "Leeds", null, "GB", "shop", false);
    static final PostalAddress OFFICE = new PostalAddress("9 Dock Road", "E14 5AB", "London", null, "GB", "office", true);

    final Fixture f = new Fixture();
    final Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", "Miller")
            .jobTitle("Barista")
            .email(new EmailInput("sarah@example.com", "home", true))
            .phone(new PhoneInput("07700 900123", "mobile", true))
            .address(HOME)
            .address(SHOP)
            .tag("candles")
            .tag("vip")
            .attribute("loyaltyPoints", integer(120))
            .preference("drink", text("oat latte"))
            .preference("scent", text("lavender"))
            .birthday(LocalDate.of(1990, 4, 12))
            .owner(UserId.of("user-7"))
            .communication(CommunicationPreference.prefers(ContactChannel.EMAIL))
            .build());
    final Customer luna = f.customers().register(CustomerRegistration.organisation("Café Luna")
            .domain("cafe-luna.example").industry("Hospitality").employeeCount(12).build());

    Customer update(Customer customer, CustomerPatch.Builder patch) {
        return f.customers().update(customer.id(), customer.version(), patch.build());
    }

    @Nested
    class A_valid_patch {

        @Test
        void applies_every_kind_of_change_to_a_person_at_the_next_version() {
            f.clock.advance(Duration.ofHours(1));

            Customer changed = update(sarah, CustomerPatch.builder()
                    .givenName("Sara")
                    .familyName("Miller-Jones")
                    .jobTitle("Buyer")
                    .addEmail(new EmailInput("sara@work.example", "work", true))
                    .removeEmail(" SARAH@EXAMPLE.COM ")
                    .addPhone("+49 30 901820", "office")
                    .removePhone("+44 7700 900123")
                    .addAddress(OFFICE)
                    .removeAddress(SHOP)
                    .addTag(" gold ")
                    .removeTag("candles")
                    .attribute("tier", oneOf("gold", List.of("silver", "gold")))
                    .removeAttribute("loyaltyPoints")
                    .preference("drink", text("flat white"))
                    .removePreference("scent")
                    .birthday(LocalDate.of(1990, 4, 21))
                    .importantDate(ImportantDate.anniversary(LocalDate.of(2015, 6, 20)))
                    .owner(UserId.of("user-9"))
                    .communication(CommunicationPreference.doNotContactAtAll()));

            assertThat(changed.id()).isEqualTo(sarah.id());
            assertThat(changed.version()).isEqualTo(2);
            assertThat(changed.person()).isEqualTo(new PersonProfile("Sara", "Miller-Jones", "Buyer"));
            assertThat(changed.emails()).containsExactly(
                    new EmailContact(new EmailAddress("sara@work.example"), "work", true));
            assertThat(changed.phones()).containsExactly(
                    new PhoneContact(PhoneNumber.ofE164("+4930901820"), "office", false));
            assertThat(changed.addresses()).containsExactly(
                    new PostalAddress("1 High Street", "SW1A 1AA", "London", null, "GB", "home", false), OFFICE);
            assertThat(changed.tags()).containsExactly("gold", "vip");
            assertThat(changed.attributes()).containsOnly(entry("tier", oneOf("gold", List.of("silver", "gold"))));
            assertThat(changed.preferences()).containsOnly(entry("drink", text("flat white")));
            assertThat(changed.birthday()).contains(LocalDate.of(1990, 4, 21));
            assertThat(changed.importantDate(ImportantDate.ANNIVERSARY)).contains(LocalDate.of(2015, 6, 20));
            assertThat(changed.owner()).isEqualTo(UserId.of("user-9"));
            assertThat(changed.communication()).isEqualTo(CommunicationPreference.doNotContactAtAll());
            assertThat(changed.createdAt()).isEqualTo(Fixture.START);
            assertThat(changed.updatedAt()).isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
            assertThat(changed.lifecycleStage()).isEqualTo(sarah.lifecycleStage());

            assertThat(f.customers().get(sarah.id())).isEqualTo(changed);
            assertThat(f.events(CustomerUpdated.class)).singleElement()
                    .satisfies(e -> assertThat(e.version()).isEqualTo(2));
        }

        @Test
        void applies_every_kind_of_change_to_an_organisation() {
            Customer changed = update(luna, CustomerPatch.builder()
                    .organisationName("Luna Coffee Ltd")
                    .domain("Luna-Coffee.Example")
                    .industry("Coffee roasting")
                    .employeeCount(40));

            assertThat(changed.organisation())
                    .isEqualTo(new OrganisationProfile("Luna Coffee Ltd", "luna-coffee.example", "Coffee roasting", 40));
            assertThat(changed.displayName()).isEqualTo("Luna Coffee Ltd");
        }

        @Test
        void clears_optional_values_set_to_null() {
            Customer person = update(sarah, CustomerPatch.builder().givenName(null).jobTitle(null).owner(null));
            Customer organisation = update(luna, CustomerPatch.builder().domain(null).industry(null)
                    .employeeCount(null));

            assertThat(person.person()).isEqualTo(new PersonProfile(null, "Miller", null));
            assertThat(person.owner()).isNull();
            assertThat(organisation.organisation()).isEqualTo(new OrganisationProfile("Café Luna", null, null, null));
        }

        @Test
        void with_a_primary_contact_point_demotes_the_current_primary_of_its_kind() {
            Customer changed = update(sarah, CustomerPatch.builder()
                    .addEmail(new EmailInput("sara@work.example", "work", true))
                    .addPhone(new PhoneInput("020 7946 0958", "work", true))
                    .addAddress(OFFICE));

            assertThat(changed.emails()).extracting(EmailContact::primary).containsExactly(false, true);
            assertThat(changed.phones()).extracting(PhoneContact::primary).containsExactly(false, true);
            assertThat(changed.addresses()).extracting(PostalAddress::primary).containsExactly(false, false, true);
            assertThat(changed.addresses()).filteredOn(PostalAddress::primary).containsExactly(OFFICE);
            assertThat(changed.primaryEmail()).contains(new EmailAddress("sara@work.example"));
            assertThat(changed.primaryPhone()).contains(PhoneNumber.ofE164("+442079460958"));
        }

        @Test
        void reads_its_phone_numbers_in_the_region_it_names() {
            Customer changed = update(sarah, CustomerPatch.builder()
                    .phoneRegion("DE")
                    .addPhone("030 901820")
                    .removePhone("+44 7700 900123"));

            assertThat(changed.phones()).extracting(PhoneContact::number)
                    .containsExactly(PhoneNumber.ofE164("+4930901820"));
        }

        @Test
        void removes_a_phone_number_typed_in_another_form() {
            Customer changed = update(sarah, CustomerPatch.builder().removePhone("0044 (0)7700 900-123"));

            assertThat(changed.phones()).isEmpty();
        }
    }

    @Nested
    class A_patch_with_problems {

        @Test
        void that_removes_what_the_customer_does_not_have_is_refused_naming_each_change_and_changes_nothing() {
            var paths = violationPaths(() -> update(sarah, CustomerPatch.builder()
                    .addTag("fine")
                    .removeEmail("nobody@example.com")
                    .removePhone("+44 20 7946 0000")
                    .removeAddress(OFFICE)
                    .removeTag("nope")
                    .removeAttribute("nope")
                    .removePreference("nope")
                    .removeImportantDate(ImportantDate.ANNIVERSARY)));

            assertThat(paths).containsExactly("changes[1].address", "changes[2].number", "changes[3].address",
                    "changes[4].tag", "changes[5].key", "changes[6].key", "changes[7].kind");
            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
            assertThat(f.events(CustomerUpdated.class)).isEmpty();
        }

        @Test
        void that_adds_what_the_customer_already_has_is_refused() {
            var paths = violationPaths(() -> update(sarah, CustomerPatch.builder()
                    .addEmail("Sarah@Example.COM")
                    .addPhone("+447700900123")
                    .addAddress(HOME)));

            assertThat(paths).containsExactly("changes[0].email.address", "changes[1].phone.number",
                    "changes[2].address");
        }

        @Test
        void that_names_fields_of_organisations_for_a_person_is_refused() {
            var paths = violationPaths(() -> update(sarah, CustomerPatch.builder()
                    .domain("sarah.example").industry("Retail").employeeCount(1).organisationName("Sarah's")));

            assertThat(paths).containsExactly("changes[0].domain", "changes[1].industry", "changes[2].employeeCount",
                    "changes[3].organisationName");
        }

        @Test
        void that_names_fields_of_persons_for_an_organisation_is_refused() {
            var paths = violationPaths(() -> update(luna, CustomerPatch.builder()
                    .givenName("Luna").familyName("Café").jobTitle("Shop")));

            assertThat(paths).containsExactly("changes[0].givenName", "changes[1].familyName", "changes[2].jobTitle");
            assertThat(f.customers().get(luna.id())).isEqualTo(luna);
        }

        @Test
        void that_clears_both_names_of_a_person_is_refused() {
            assertThat(violationPaths(() -> update(sarah, CustomerPatch.builder().givenName(null).familyName(null))))
                    .containsExactly("givenName");
        }

        @Test
        void that_clears_the_name_of_an_organisation_is_refused() {
            assertThat(violationPaths(() -> update(luna, CustomerPatch.builder().organisationName(null))))
                    .containsExactly("organisationName");
        }

        @Test
        void with_invalid_values_names_each_change_and_its_field() {
            var paths = violationPaths(() -> update(sarah, CustomerPatch.builder()
                    .addEmail("sarah(at)example.com")
                    .addPhone("12")
                    .attribute("1st", text("x"))
                    .preference("drink", null)
                    .addTag(" ")
                    .communication(null)
                    .importantDate(null)
                    .addAddress(null)));

            assertThat(paths).containsExactly("changes[0].email.address", "changes[1].phone.number",
                    "changes[2].key", "changes[3].value", "changes[4].tag", "changes[5].communication",
                    "changes[6].date", "changes[7].address");
            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
        }

        @Test
        void with_a_null_change_names_its_index() {
            var patch = new CustomerPatch(Arrays.asList(new CustomerPatch.AddTag("fine"), null));

            assertThat(violationPaths(() -> f.customers().update(sarah.id(), 1, patch))).containsExactly("changes[1]");
        }

        @Test
        void with_a_phone_region_libphonenumber_does_not_know_names_that_change() {
            assertThat(violationPaths(() -> update(sarah, CustomerPatch.builder()
                    .phoneRegion("XX").addPhone("020 7946 0958"))))
                    .containsExactly("changes[0].region");
        }
    }

    @Nested
    class Optimistic_versions {

        @Test
        void a_stale_expected_version_is_refused_and_changes_nothing() {
            Customer v2 = update(sarah, CustomerPatch.builder().jobTitle("Buyer"));
            f.events.clear();

            var thrown = thrown(ConcurrentModificationException.class,
                    () -> f.customers().update(sarah.id(), 1, CustomerPatch.builder().jobTitle("Owner").build()));

            assertThat(thrown.recordType()).isEqualTo("Customer");
            assertThat(thrown.recordId()).isEqualTo(sarah.id().toString());
            assertThat(thrown.expectedVersion()).isEqualTo(1);
            assertThat(f.customers().get(sarah.id())).isEqualTo(v2);
            assertThat(f.events).isEmpty();
        }

        @Test
        void a_version_from_the_future_is_refused_too() {
            thrown(ConcurrentModificationException.class,
                    () -> f.customers().update(sarah.id(), 2, CustomerPatch.builder().jobTitle("Owner").build()));

            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
        }

        @Test
        void every_successful_change_moves_to_the_next_version() {
            Customer v2 = update(sarah, CustomerPatch.builder().addTag("a"));
            Customer v3 = update(v2, CustomerPatch.builder().addTag("b"));
            Customer v4 = f.customers().archive(v3.id(), v3.version());
            Customer v5 = f.customers().unarchive(v4.id(), v4.version());

            assertThat(List.of(v2, v3, v4, v5)).extracting(Customer::version).containsExactly(2L, 3L, 4L, 5L);
        }
    }

    @Test
    void a_patch_that_changes_nothing_keeps_the_version_and_publishes_no_event() {
        f.clock.advance(Duration.ofHours(1));
        int events = f.events(CustomerUpdated.class).size();

        Customer empty = update(sarah, CustomerPatch.builder());
        Customer same = update(sarah, CustomerPatch.builder().jobTitle("Barista"));

        assertThat(empty).isEqualTo(sarah);
        assertThat(same).isEqualTo(sarah);
        assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
        assertThat(f.events(CustomerUpdated.class)).hasSize(events);
        // and a real change still moves it on
        assertThat(update(sarah, CustomerPatch.builder().jobTitle("Owner")).version()).isEqualTo(2);
    }

    @Test
    void an_unknown_customer_is_not_found() {
        CustomerId unknown = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000000"));

        var thrown = thrown(NotFoundException.class,
                () -> f.customers().update(unknown, 1, CustomerPatch.builder().addTag("x").build()));

        assertThat(thrown.recordType()).isEqualTo("Customer");
        assertThat(thrown.recordId()).isEqualTo(unknown.toString());
    }
}
