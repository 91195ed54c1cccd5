package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.violationPaths;
import static io.crmkit.shared.AttributeValue.bool;
import static io.crmkit.shared.AttributeValue.date;
import static io.crmkit.shared.AttributeValue.decimal;
import static io.crmkit.shared.AttributeValue.integer;
import static io.crmkit.shared.AttributeValue.oneOf;
import static io.crmkit.shared.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.EmailInput;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneInput;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Registering customers")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerRegistrationTest {

    final Fixture f = new Fixture();

    @Nested
    class A_person {

        @Test
        void is_registered_with_everything_a_person_has_normalised_and_read_back_unchanged() {
            Customer sarah = f.customers().register(CustomerRegistration.person(" Sarah ", "Miller")
                    .jobTitle("Head of Purchasing")
                    .email(new EmailInput(" Sarah.Miller@Example.COM ", "work", false))
                    .email(new EmailInput("sarah@Home.Example", "home", true))
                    .phone("07700 900123", "mobile")
                    .phone(new PhoneInput("+49 30 901820", "berlin office", true))
                    .address(new PostalAddress("1 High Street", "SW1A 1AA", "London", null, "gb", "billing", true))
                    .tag(" candles ")
                    .tag("vip")
                    .attribute("loyaltyPoints", integer(120))
                    .attribute("discount", decimal("2.50"))
                    .attribute("newsletter", bool(true))
                    .attribute("firstOrder", date(LocalDate.of(2024, 11, 3)))
                    .attribute("tier", oneOf("gold", List.of("bronze", "silver", "gold")))
                    .attribute("nickname", text("Sal"))
                    .preference("drink", text("oat latte"))
                    .birthday(LocalDate.of(1990, 4, 12))
                    .importantDate(ImportantDate.anniversary(LocalDate.of(2015, 6, 20)))
                    .importantDate(new ImportantDate("Shop-Opening", LocalDate.of(2019, 9, 1)))
                    .owner(UserId.of("user-7"))
                    .communication(CommunicationPreference.prefers(ContactChannel.EMAIL))
                    .lifecycleStage(LifecycleStage.MARKETING_QUALIFIED)
                    .build());

            assertThat(sarah.id()).isNotNull();
            assertThat(sarah.tenantId()).isEqualTo(TenantId.DEFAULT);
            assertThat(sarah.version()).isEqualTo(1);
            assertThat(sarah.kind()).isEqualTo(CustomerKind.PERSON);
            assertThat(sarah.person()).isEqualTo(new PersonProfile("Sarah", "Miller", "Head of Purchasing"));
            assertThat(sarah.organisation()).isNull();
            assertThat(sarah.displayName()).isEqualTo("Sarah Miller");
            assertThat(sarah.emails()).containsExactly(
                    new EmailContact(new EmailAddress("Sarah.Miller@example.com"), "work", false),
                    new EmailContact(new EmailAddress("sarah@home.example"), "home", true));
            assertThat(sarah.primaryEmail()).contains(new EmailAddress("sarah@home.example"));
            assertThat(sarah.phones()).containsExactly(
                    new PhoneContact(PhoneNumber.ofE164("+447700900123"), "mobile", false),
                    new PhoneContact(PhoneNumber.ofE164("+4930901820"), "berlin office", true));
            assertThat(sarah.primaryPhone()).contains(PhoneNumber.ofE164("+4930901820"));
            assertThat(sarah.addresses()).containsExactly(
                    new PostalAddress("1 High Street", "SW1A 1AA", "London", null, "GB", "billing", true));
            assertThat(sarah.tags()).containsExactly("candles", "vip");
            assertThat(sarah.attributes()).containsOnly(
                    entry("loyaltyPoints", integer(120)),
                    entry("discount", decimal("2.5")),
                    entry("newsletter", bool(true)),
                    entry("firstOrder", date(LocalDate.of(2024, 11, 3))),
                    entry("tier", oneOf("gold", List.of("bronze", "silver", "gold"))),
                    entry("nickname", text("Sal")));
            assertThat(sarah.preferences()).containsOnly(entry("drink", text("oat latte")));
            assertThat(sarah.birthday()).contains(LocalDate.of(1990, 4, 12));
            assertThat(sarah.importantDate(ImportantDate.ANNIVERSARY)).contains(LocalDate.of(2015, 6, 20));
            assertThat(sarah.importantDate("shop-opening")).contains(LocalDate.of(2019, 9, 1));
            assertThat(sarah.owner()).isEqualTo(UserId.of("user-7"));
            assertThat(sarah.communication()).isEqualTo(CommunicationPreference.prefers(ContactChannel.EMAIL));
            assertThat(sarah.lifecycleStage()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
            assertThat(sarah.createdAt()).isEqualTo(Fixture.START);
            assertThat(sarah.updatedAt()).isEqualTo(Fixture.START);
            assertThat(sarah.isArchived()).isFalse();

            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
        }

        @Test
        void without_anything_optional_starts_as_a_lead_with_no_contact_points() {
            Customer tom = f.customers().register(CustomerRegistration.person(null, "Baker").build());

            assertThat(tom.displayName()).isEqualTo("Baker");
            assertThat(tom.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
            assertThat(tom.emails()).isEmpty();
            assertThat(tom.phones()).isEmpty();
            assertThat(tom.primaryEmail()).isEmpty();
            assertThat(tom.communication()).isEqualTo(CommunicationPreference.NONE);
            assertThat(tom.owner()).isNull();
        }

        @Test
        void without_primary_contact_points_uses_the_first_of_each_kind() {
            Customer sam = f.customers().register(CustomerRegistration.person("Sam", null)
                    .email("first@example.com").email("second@example.com").phone("07700 900123").build());

            assertThat(sam.primaryEmail()).contains(new EmailAddress("first@example.com"));
            assertThat(sam.primaryPhone()).contains(PhoneNumber.ofE164("+447700900123"));
        }

        @Test
        void with_two_primary_addresses_of_a_kind_keeps_the_later_one_as_primary() {
            Customer sam = f.customers().register(CustomerRegistration.person("Sam", null)
                    .email(new EmailInput("first@example.com", null, true))
                    .email(new EmailInput("second@example.com", null, true))
                    .build());

            assertThat(sam.emails()).extracting(EmailContact::primary).containsExactly(false, true);
        }
    }

    @Nested
    class An_organisation {

        @Test
        void is_registered_with_name_domain_industry_and_size() {
            Customer luna = f.customers().register(CustomerRegistration.organisation("Café Luna")
                    .domain("Cafe-Luna.Example")
                    .industry("Hospitality")
                    .employeeCount(12)
                    .email("Hello@Cafe-Luna.Example")
                    .tag("wholesale")
                    .build());

            assertThat(luna.kind()).isEqualTo(CustomerKind.ORGANISATION);
            assertThat(luna.organisation())
                    .isEqualTo(new OrganisationProfile("Café Luna", "cafe-luna.example", "Hospitality", 12));
            assertThat(luna.person()).isNull();
            assertThat(luna.displayName()).isEqualTo("Café Luna");
            assertThat(luna.primaryEmail()).contains(new EmailAddress("Hello@cafe-luna.example"));
            assertThat(f.customers().get(luna.id())).isEqualTo(luna);
        }
    }

    @Nested
    class Phone_numbers {

        @Test
        void without_country_code_are_read_in_the_default_region_of_the_builder() {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .phone("(020) 7946-0958").build());

            assertThat(sarah.primaryPhone()).contains(PhoneNumber.ofE164("+442079460958"));
        }

        @Test
        void without_country_code_are_read_in_the_region_given_with_the_registration() {
            Customer jonas = f.customers().register(CustomerRegistration.person("Jonas", null)
                    .phoneRegion("DE")
                    .phone("030 901820")
                    .phone("+44 7700 900123")
                    .build());

            assertThat(jonas.phones()).extracting(PhoneContact::number)
                    .containsExactly(PhoneNumber.ofE164("+4930901820"), PhoneNumber.ofE164("+447700900123"));
        }

        @Test
        void without_country_code_are_refused_when_there_is_no_region_at_all() {
            Fixture noRegion = new Fixture(b -> b.defaultRegion(null));

            assertThat(violationPaths(() -> noRegion.customers().register(CustomerRegistration.person("Jo", null)
                    .phone("07700 900123").build())))
                    .containsExactly("phones[0].number");
            Customer jo = noRegion.customers().register(CustomerRegistration.person("Jo", null)
                    .phoneRegion("gb").phone("07700 900123").build());
            assertThat(jo.primaryPhone()).contains(PhoneNumber.ofE164("+447700900123"));
        }

        @Test
        void keep_their_extension_apart() {
            Customer office = f.customers().register(CustomerRegistration.organisation("Office")
                    .phone("020 7946 0958 ext. 12").build());

            assertThat(office.primaryPhone()).contains(new PhoneNumber("+442079460958", "12"));
        }
    }

    @Nested
    class A_registration_with_problems {

        @Test
        void is_refused_with_one_exception_listing_every_problem_and_stores_nothing() {
            var paths = violationPaths(() -> f.customers().register(CustomerRegistration.person(null, null)
                    .email("sarah@example.com")
                    .email("sarah(at)example.com")
                    .phone("12")
                    .build()));

            assertThat(paths).containsExactly("emails[1].address", "givenName", "phones[0].number");
            assertThat(f.allCustomers()).isEmpty();
            assertThat(f.events).isEmpty();
        }

        @Test
        void lists_problems_of_addresses_tags_attributes_dates_and_labels_with_their_paths() {
            var paths = violationPaths(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .email(new EmailInput("sam@example.com", " ", false))
                    .phone(new PhoneInput("07700 900123", "x".repeat(51), false))
                    .tag("   ")
                    .attribute("1st", text("no"))
                    .preference("drink", null)
                    .birthday(LocalDate.of(1990, 1, 1))
                    .importantDate(ImportantDate.birthday(LocalDate.of(1991, 1, 1)))
                    .build()));

            assertThat(paths).containsOnly("emails[0].label", "phones[0].label", "tags", "attributes[1st]",
                    "preferences[drink]", "importantDates[1]");
            assertThat(f.allCustomers()).isEmpty();
        }

        @Test
        void refuses_the_same_e_mail_address_or_phone_number_twice_even_when_typed_differently() {
            var paths = violationPaths(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .email("sam@example.com")
                    .email("SAM@EXAMPLE.COM")
                    .phone("07700 900123")
                    .phone("+44 7700 900123")
                    .build()));

            assertThat(paths).containsExactly("emails[1].address", "phones[1].number");
        }

        @Test
        void refuses_fields_of_organisations_for_a_person() {
            var registration = new CustomerRegistration(CustomerKind.PERSON, "Sam", null, null, "Sam's Shop",
                    "sam.example", "Retail", 3, null, null, null, null, null, null, null, null, null,
                    LifecycleStage.LEAD, null);

            assertThat(violationPaths(() -> f.customers().register(registration)))
                    .containsExactly("domain", "employeeCount", "industry", "organisationName");
        }

        @Test
        void refuses_fields_of_persons_for_an_organisation() {
            var registration = new CustomerRegistration(CustomerKind.ORGANISATION, "Sam", "Smith", "Owner",
                    "Sam's Shop", null, null, null, null, null, null, null, null, null, null, null, null,
                    LifecycleStage.LEAD, null);

            assertThat(violationPaths(() -> f.customers().register(registration)))
                    .containsExactly("familyName", "givenName", "jobTitle");
        }

        @Test
        void names_the_missing_name_of_an_organisation_as_organisationName() {
            assertThat(violationPaths(() -> f.customers().register(CustomerRegistration.organisation(null).build())))
                    .containsExactly("organisationName");
            assertThat(violationPaths(() -> f.customers().register(CustomerRegistration.organisation(" ").build())))
                    .containsExactly("organisationName");
        }

        @Test
        void names_a_phone_region_libphonenumber_does_not_know_as_phoneRegion() {
            assertThat(violationPaths(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .phoneRegion("XX").build())))
                    .containsExactly("phoneRegion");
            assertThat(violationPaths(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .phoneRegion("XX").phone("07700 900123").build())))
                    .containsExactly("phoneRegion");
        }

        @Test
        void refuses_an_organisation_domain_that_is_not_a_host_name_and_a_negative_size() {
            assertThat(violationPaths(() -> f.customers().register(CustomerRegistration.organisation("Luna")
                    .domain("not a domain").employeeCount(-1).build())))
                    .contains("domain", "employeeCount");
        }
    }
}
