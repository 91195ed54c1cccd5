package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Finding and listing customers")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerLookupTest {

    static final CustomerId UNKNOWN = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000001"));

    final Fixture f = new Fixture();

    /** Walks every page of {@code query} with pages of {@code size}. */
    List<Customer> walk(CustomerQuery query, int size) {
        List<Customer> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        while (true) {
            Page<Customer> page = f.customers().list(query, request);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            all.addAll(page.items());
            if (page.nextRequest().isEmpty()) {
                return all;
            }
            request = page.nextRequest().get();
        }
    }

    @Nested
    class By_id {

        @Test
        void find_returns_the_customer_or_nothing() {
            Customer sarah = f.person("Sarah", "Miller");

            assertThat(f.customers().find(sarah.id())).contains(sarah);
            assertThat(f.customers().find(UNKNOWN)).isEmpty();
        }

        @Test
        void get_of_an_unknown_id_throws_not_found_naming_the_record() {
            var thrown = thrown(NotFoundException.class, () -> f.customers().get(UNKNOWN));

            assertThat(thrown.recordType()).isEqualTo("Customer");
            assertThat(thrown.recordId()).isEqualTo(UNKNOWN.toString());
            assertThat(thrown).hasMessageContaining("Customer").hasMessageContaining(UNKNOWN.toString());
        }

        @Test
        void archived_customers_are_found_too() {
            Customer sarah = f.person("Sarah", "Miller");
            Customer archived = f.customers().archive(sarah.id(), 1);

            assertThat(f.customers().get(sarah.id())).isEqualTo(archived);
        }
    }

    @Nested
    class By_e_mail {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"sarah.miller@example.com", "Sarah.Miller@Example.COM", "  SARAH.MILLER@EXAMPLE.COM  "})
        void finds_the_customer_case_insensitively_after_normalising_the_input(String typed) {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .email("Sarah.Miller@example.com").build());
            f.person("Tom", "Baker");

            assertThat(f.customers().findByEmail(typed)).containsExactly(sarah);
        }

        @Test
        void finds_by_any_address_not_just_the_primary_one() {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .email("first@example.com").email("second@example.com").build());

            assertThat(f.customers().findByEmail("second@example.com")).containsExactly(sarah);
        }

        @Test
        void returns_every_customer_with_the_address_ordered_by_id_archived_included() {
            Customer first = f.customers().register(CustomerRegistration.person("A", null)
                    .email("shared@example.com").build());
            Customer second = f.customers().register(CustomerRegistration.organisation("B")
                    .email("SHARED@example.com").build());
            Customer archived = f.customers().archive(first.id(), 1);

            assertThat(f.customers().findByEmail("shared@example.com")).containsExactly(archived, second);
        }

        @Test
        void returns_nothing_for_an_unknown_address_or_one_that_was_removed() {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .email("sarah@example.com").build());
            f.customers().update(sarah.id(), 1, io.crmkit.customer.CustomerPatch.builder()
                    .removeEmail("sarah@example.com").addEmail("sarah@new.example").build());

            assertThat(f.customers().findByEmail("nobody@example.com")).isEmpty();
            assertThat(f.customers().findByEmail("sarah@example.com")).isEmpty();
            assertThat(f.customers().findByEmail("sarah@new.example")).extracting(Customer::id)
                    .containsExactly(sarah.id());
        }

        @Test
        void refuses_what_is_not_an_e_mail_address() {
            assertThat(violationPaths(() -> f.customers().findByEmail("sarah(at)example.com")))
                    .containsExactly("email");
        }
    }

    @Nested
    class By_phone {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "+447700900123",
                "0044 7700 900123", "(07700) 900-123", "+44 (0)7700 900123"})
        void finds_the_customer_whatever_form_the_number_is_typed_in(String typed) {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .phone("+44 7700 900123").build());
            f.customers().register(CustomerRegistration.person("Tom", null).phone("+44 7700 900124").build());

            assertThat(f.customers().findByPhone(typed)).containsExactly(sarah);
        }

        @Test
        void reads_a_number_without_country_code_in_the_region_given_with_the_call() {
            Customer jonas = f.customers().register(CustomerRegistration.person("Jonas", null)
                    .phone("+49 30 901820").build());

            assertThat(f.customers().findByPhone("030 901820", "DE")).containsExactly(jonas);
            assertThat(f.customers().findByPhone("030 901820")).isEmpty(); // read as a London number
        }

        @Test
        void ignores_the_extension() {
            Customer office = f.customers().register(CustomerRegistration.organisation("Office")
                    .phone("020 7946 0958 ext. 12").build());

            assertThat(f.customers().findByPhone("020 7946 0958")).containsExactly(office);
        }

        @Test
        void refuses_what_is_not_a_phone_number_and_an_unknown_region() {
            assertThat(violationPaths(() -> f.customers().findByPhone("12"))).containsExactly("phone");
            assertThat(violationPaths(() -> f.customers().findByPhone("030 901820", "XX"))).containsExactly("region");
        }
    }

    @Nested
    class A_list {

        @Test
        void walks_every_customer_once_in_id_order_with_cursor_paging() {
            List<Customer> registered = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                registered.add(f.person("Customer", "No. " + i));
            }

            for (int size : new int[] {1, 4, 5, 23, 50}) {
                List<Customer> walked = walk(CustomerQuery.ACTIVE, size);
                assertThat(walked).as("pages of %d", size).containsExactlyElementsOf(registered);
                assertThat(walked).isSortedAccordingTo((a, b) -> Ids.compare(a.id().value(), b.id().value()));
            }
        }

        @Test
        void has_no_next_page_when_the_last_page_is_full() {
            f.person("A", null);
            f.person("B", null);

            Page<Customer> page = f.customers().list(PageRequest.first(2));

            assertThat(page.items()).hasSize(2);
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        void of_nobody_is_one_empty_last_page() {
            Page<Customer> page = f.customers().list(PageRequest.first(10));

            assertThat(page.items()).isEmpty();
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        void leaves_out_archived_customers_unless_asked_to_include_them() {
            Customer a = f.person("A", null);
            Customer b = f.person("B", null);
            Customer c = f.person("C", null);
            Customer archivedB = f.customers().archive(b.id(), 1);

            assertThat(walk(CustomerQuery.ACTIVE, 1)).containsExactly(a, c);
            assertThat(f.customers().list(PageRequest.first(10)).items()).containsExactly(a, c);
            assertThat(walk(CustomerQuery.ALL, 1)).containsExactly(a, archivedB, c);
        }

        @Test
        void filters_by_kind_lifecycle_stage_and_tag() {
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null).tag("vip")
                    .lifecycleStage(LifecycleStage.CUSTOMER).build());
            Customer luna = f.customers().register(CustomerRegistration.organisation("Luna").tag("vip").build());
            Customer tom = f.customers().register(CustomerRegistration.person("Tom", null)
                    .lifecycleStage(LifecycleStage.CUSTOMER).build());

            assertThat(walk(new CustomerQuery(CustomerKind.PERSON, null, null, false), 1)).containsExactly(sarah, tom);
            assertThat(walk(new CustomerQuery(CustomerKind.ORGANISATION, null, null, false), 1))
                    .containsExactly(luna);
            assertThat(walk(CustomerQuery.inStage(LifecycleStage.CUSTOMER), 1)).containsExactly(sarah, tom);
            assertThat(walk(CustomerQuery.tagged(" vip "), 1)).containsExactly(sarah, luna);
            assertThat(walk(new CustomerQuery(CustomerKind.PERSON, LifecycleStage.CUSTOMER, "vip", false), 1))
                    .containsExactly(sarah);
        }

        @Test
        void neither_skips_nor_repeats_while_customers_are_registered_and_archived_between_pages() {
            List<Customer> before = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                before.add(f.person("Before", "No. " + i));
            }

            Page<Customer> first = f.customers().list(PageRequest.first(2));
            Customer added = f.person("Added", "while paging");
            f.customers().archive(before.get(4).id(), 1);
            List<Customer> rest = new ArrayList<>(first.items());
            PageRequest next = first.nextRequest().orElseThrow();
            while (next != null) {
                Page<Customer> page = f.customers().list(next);
                rest.addAll(page.items());
                next = page.nextRequest().orElse(null);
            }

            assertThat(rest).containsExactly(before.get(0), before.get(1), before.get(2), before.get(3),
                    before.get(5), added);
        }
    }
}
