package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CustomerStore}: every value of a {@link Customer} round-trips unchanged; saves are
 * optimistic (a stale version fails with {@link ConcurrentModificationException} and changes nothing, a missing
 * customer with {@link NotFoundException}); look-ups by e-mail ({@link EmailAddress#matchKey()},
 * case-insensitive) and by phone (E.164, extension ignored) find every match, ordered by id, archived customers
 * included; lists are ordered by id as unsigned numbers, filtered by {@link CustomerQuery} and paged by keyset
 * without skipping or repeating.
 *
 * <p>To run it against an adapter, subclass it in the adapter's tests and say how to make the storage:
 *
 * <pre>{@code
 * class JdbcCustomerStoreContractTest extends CustomerStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("CustomerStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CustomerStoreContract extends AbstractStorageContract {

    /** For subclasses. */
    protected CustomerStoreContract() {
    }

    private CustomerStore customers() {
        return storage.customers();
    }

    private Customer insert(Customer customer) {
        customers().insert(tenant, customer);
        return customer;
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_person_with_every_value_set_reads_back_equal() {
            Customer zoe = insert(Fixtures.fullPerson(tenant, Fixtures.customerId()));

            assertReadsBack(customers().find(tenant, zoe.id()), zoe);
        }

        @Test
        void an_organisation_with_every_value_set_reads_back_equal() {
            Customer luna = insert(Fixtures.fullOrganisation(tenant, Fixtures.customerId()));

            assertReadsBack(customers().find(tenant, luna.id()), luna);
        }

        @Test
        void a_person_with_nothing_optional_reads_back_with_nulls_and_empty_collections() {
            Customer miller = insert(Fixtures.minimalPerson(tenant, "Miller"));

            Customer found = customers().find(tenant, miller.id()).orElseThrow();

            assertReadsBack(customers().find(tenant, miller.id()), miller);
            assertThat(found.person().givenName()).isNull();
            assertThat(found.person().jobTitle()).isNull();
            assertThat(found.owner()).isNull();
            assertThat(found.archivedAt()).isNull();
            assertThat(found.communication()).isEqualTo(CommunicationPreference.NONE);
            assertThat(found.emails()).isEmpty();
            assertThat(found.attributes()).isEmpty();
        }

        @Test
        void every_value_of_every_attribute_type_reads_back_equal() {
            Map<String, AttributeValue> every = Fixtures.everyAttributeType();
            Customer customer = insert(Fixtures.minimalPerson(tenant, "Types").toBuilder()
                    .attributes(every).preferences(every).build());

            Customer found = customers().find(tenant, customer.id()).orElseThrow();

            assertThat(found.attributes()).containsExactlyEntriesOf(customer.attributes());
            assertThat(found.preferences()).containsExactlyEntriesOf(customer.preferences());
            assertThat(found.attributes().get("tier")).isInstanceOf(AttributeValue.OneOf.class);
            assertThat(((AttributeValue.OneOf) found.attributes().get("tier")).options())
                    .as("the options of a one-of keep their order").containsExactly("silver", "gold", "bronze");
            assertThat(found.attributes().get("decimal")).isInstanceOf(AttributeValue.DecimalValue.class);
            assertThat(found.attributes().get("integerMax")).isInstanceOf(AttributeValue.IntegerValue.class);
        }

        @Test
        void contact_points_and_important_dates_keep_the_order_they_were_written_in() {
            Customer zoe = insert(Fixtures.fullPerson(tenant, Fixtures.customerId()));

            Customer found = customers().find(tenant, zoe.id()).orElseThrow();

            assertThat(found.emails()).containsExactlyElementsOf(zoe.emails());
            assertThat(found.phones()).containsExactlyElementsOf(zoe.phones());
            assertThat(found.addresses()).containsExactlyElementsOf(zoe.addresses());
            assertThat(found.importantDates()).containsExactlyElementsOf(zoe.importantDates());
        }

        @Test
        void texts_at_their_maximum_length_read_back_whole() {
            String name = "Ł".repeat(199) + "ł";
            Customer long_ = insert(Fixtures.minimalPerson(tenant, "x").toBuilder()
                    .person(new PersonProfile(name, name, name))
                    .tags(Set.of("t".repeat(100), "🎉".repeat(50)))
                    .owner(UserId.of("u".repeat(128)))
                    .build());

            assertReadsBack(customers().find(tenant, long_.id()), long_);
        }

        @Test
        void an_update_replaces_every_value_and_removed_values_are_gone() {
            Customer zoe = insert(Fixtures.fullPerson(tenant, Fixtures.customerId()));
            Customer changed = Fixtures.fullOrganisation(tenant, zoe.id()).toBuilder()
                    .version(2)
                    .createdAt(zoe.createdAt())
                    .updatedAt(zoe.updatedAt().plusSeconds(10))
                    .owner(null)
                    .emails(List.of(new EmailContact(EmailAddress.parse("new@example.com"), null, false)))
                    .phones(List.of())
                    .archivedAt(null)
                    .build();

            customers().update(tenant, changed);

            assertReadsBack(customers().find(tenant, zoe.id()), changed);
        }

        @Test
        void an_unknown_id_is_not_found() {
            insert(Fixtures.minimalPerson(tenant, "Miller"));

            assertThat(customers().find(tenant, Fixtures.customerId())).isEmpty();
        }

        @Test
        void inserting_an_id_that_exists_fails_with_a_storage_exception_and_keeps_the_first() {
            Customer first = insert(Fixtures.minimalPerson(tenant, "First"));
            Customer again = Fixtures.minimalPerson(tenant, first.id(), "Second");

            assertThatThrownBy(() -> customers().insert(tenant, again)).isInstanceOf(StorageException.class);

            assertReadsBack(customers().find(tenant, first.id()), first);
        }
    }

    @Nested
    @DisplayName("optimistic locking")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class OptimisticLocking {

        private Customer renamed(Customer customer, long version, String familyName) {
            return customer.toBuilder().version(version)
                    .person(new PersonProfile(null, familyName, null))
                    .updatedAt(customer.updatedAt().plusSeconds(1))
                    .build();
        }

        @Test
        void an_update_at_the_next_version_is_stored() {
            Customer v1 = insert(Fixtures.minimalPerson(tenant, "Miller"));
            Customer v2 = renamed(v1, 2, "Smith");
            Customer v3 = renamed(v2, 3, "Jones");

            customers().update(tenant, v2);
            customers().update(tenant, v3);

            assertReadsBack(customers().find(tenant, v1.id()), v3);
        }

        @Test
        void a_stale_update_fails_with_a_concurrent_modification_and_changes_nothing() {
            Customer v1 = insert(Fixtures.minimalPerson(tenant, "Miller"));
            Customer v2 = renamed(v1, 2, "Smith");
            customers().update(tenant, v2);
            Customer staleV2 = renamed(v1, 2, "Stale");

            assertThatThrownBy(() -> customers().update(tenant, staleV2))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(customers().find(tenant, v1.id()), v2);
        }

        @Test
        void an_update_that_skips_a_version_fails_and_changes_nothing() {
            Customer v1 = insert(Fixtures.minimalPerson(tenant, "Miller"));

            assertThatThrownBy(() -> customers().update(tenant, renamed(v1, 3, "Skipped")))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(customers().find(tenant, v1.id()), v1);
        }

        @Test
        void an_update_at_the_same_version_fails_and_changes_nothing() {
            Customer v1 = insert(Fixtures.minimalPerson(tenant, "Miller"));

            assertThatThrownBy(() -> customers().update(tenant, renamed(v1, 1, "Same")))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(customers().find(tenant, v1.id()), v1);
        }

        @Test
        void a_refused_update_leaves_the_email_and_phone_look_ups_as_they_were() {
            Customer v1 = insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "old@example.com"));
            customers().update(tenant, renamed(v1, 2, "Smith"));
            Customer stale = v1.toBuilder().version(2)
                    .emails(List.of(new EmailContact(EmailAddress.parse("new@example.com"), null, false)))
                    .phones(List.of(new PhoneContact(PhoneNumber.ofE164("+442079460958"), null, false)))
                    .build();

            assertThatThrownBy(() -> customers().update(tenant, stale))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertThat(customers().findByEmail(tenant, EmailAddress.parse("new@example.com"))).isEmpty();
            assertThat(customers().findByPhone(tenant, PhoneNumber.ofE164("+442079460958"))).isEmpty();
            assertThat(customers().findByEmail(tenant, EmailAddress.parse("old@example.com")))
                    .extracting(Customer::id).containsExactly(v1.id());
        }

        @Test
        void an_update_of_a_customer_that_does_not_exist_fails_with_not_found_and_stores_nothing() {
            Customer ghost = Fixtures.minimalPerson(tenant, "Ghost").toBuilder().version(2).build();

            assertThatThrownBy(() -> customers().update(tenant, ghost)).isInstanceOf(NotFoundException.class);

            assertThat(customers().find(tenant, ghost.id())).isEmpty();
            assertThat(customers().list(tenant, CustomerQuery.ALL, null, 10).items()).isEmpty();
        }

        @Test
        void of_several_threads_updating_the_same_version_exactly_one_wins() throws Exception {
            Customer v1 = insert(Fixtures.minimalPerson(tenant, "Miller"));
            int threads = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String name = "Writer" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            customers().update(tenant, renamed(v1, 2, name));
                            return name;
                        } catch (ConcurrentModificationException | RetryableStorageException e) {
                            return null;
                        }
                    }));
                }
                start.countDown();
                List<String> winners = new ArrayList<>();
                for (Future<String> result : results) {
                    String winner = result.get(60, TimeUnit.SECONDS); // a guard against a deadlock, not a timing
                    if (winner != null) {
                        winners.add(winner);
                    }
                }

                assertThat(winners).as("threads whose update of version 1 to 2 succeeded").hasSize(1);
                Customer stored = customers().find(tenant, v1.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.person().familyName()).isEqualTo(winners.get(0));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("look-ups by e-mail, phone and id")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class LookUps {

        @Test
        void find_by_email_compares_the_whole_address_case_insensitively() {
            Customer sarah = insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(),
                    "Sarah.Miller@Example.com"));
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "sarah.miller@example.org"));
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "sarah.mille@example.com"));

            assertThat(customers().findByEmail(tenant, EmailAddress.parse("SARAH.MILLER@EXAMPLE.COM")))
                    .extracting(Customer::id).containsExactly(sarah.id());
            assertThat(customers().findByEmail(tenant, EmailAddress.parse("sarah.miller@example.com")))
                    .extracting(Customer::id).containsExactly(sarah.id());
        }

        @Test
        void find_by_email_takes_no_wildcards() {
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "a_b@example.com"));
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "axb@example.com"));
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "a%b@example.com"));

            assertThat(customers().findByEmail(tenant, EmailAddress.parse("a_b@example.com")))
                    .extracting(c -> c.emails().get(0).address().value()).containsExactly("a_b@example.com");
            assertThat(customers().findByEmail(tenant, EmailAddress.parse("a%b@example.com")))
                    .extracting(c -> c.emails().get(0).address().value()).containsExactly("a%b@example.com");
        }

        @Test
        void find_by_email_returns_every_customer_with_the_address_ordered_by_unsigned_id_archived_included() {
            List<CustomerId> ids = new ArrayList<>();
            for (long high : Fixtures.HIGHS_ASCENDING) {
                ids.add(new CustomerId(Fixtures.uuid(high)));
            }
            List<CustomerId> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled);
            for (CustomerId id : shuffled) {
                Customer customer = Fixtures.personWithEmail(tenant, id, id.equals(ids.get(1))
                        ? "SHARED@example.com" : "shared@example.com");
                if (id.equals(ids.get(2))) {
                    customer = customer.toBuilder().archivedAt(T0.plusSeconds(1)).build();
                }
                insert(customer);
            }

            assertThat(customers().findByEmail(tenant, EmailAddress.parse("Shared@Example.com")))
                    .extracting(Customer::id).containsExactlyElementsOf(ids);
        }

        @Test
        void find_by_email_finds_a_customer_by_any_of_its_addresses_and_follows_updates() {
            Customer zoe = insert(Fixtures.fullPerson(tenant, Fixtures.customerId()));
            for (EmailContact email : zoe.emails()) {
                assertThat(customers().findByEmail(tenant, email.address())).extracting(Customer::id)
                        .as("look-up by %s", email.address()).containsExactly(zoe.id());
            }
            Customer changed = zoe.toBuilder().version(2)
                    .emails(List.of(new EmailContact(EmailAddress.parse("zoe@new.example"), null, false)))
                    .build();

            customers().update(tenant, changed);

            assertThat(customers().findByEmail(tenant, zoe.emails().get(0).address())).isEmpty();
            assertThat(customers().findByEmail(tenant, EmailAddress.parse("ZOE@NEW.example")))
                    .extracting(Customer::id).containsExactly(zoe.id());
        }

        @Test
        void find_by_email_without_a_match_is_empty() {
            insert(Fixtures.personWithEmail(tenant, Fixtures.customerId(), "sarah@example.com"));

            assertThat(customers().findByEmail(tenant, EmailAddress.parse("nobody@example.com"))).isEmpty();
        }

        @Test
        void find_by_phone_compares_the_e164_number_and_ignores_extensions() {
            Customer office = insert(Fixtures.personWithPhone(tenant, Fixtures.customerId(),
                    new PhoneNumber("+442079460958", "12")));
            Customer other = insert(Fixtures.personWithPhone(tenant, Fixtures.customerId(),
                    PhoneNumber.ofE164("+442079460959")));

            assertThat(customers().findByPhone(tenant, PhoneNumber.ofE164("+442079460958")))
                    .extracting(Customer::id).containsExactly(office.id());
            assertThat(customers().findByPhone(tenant, new PhoneNumber("+442079460958", "99")))
                    .extracting(Customer::id).containsExactly(office.id());
            assertThat(customers().findByPhone(tenant, PhoneNumber.ofE164("+442079460959")))
                    .extracting(Customer::id).containsExactly(other.id());
            assertThat(customers().findByPhone(tenant, PhoneNumber.ofE164("+4420794609"))).isEmpty();
        }

        @Test
        void find_by_phone_returns_every_customer_with_the_number_ordered_by_unsigned_id_archived_included() {
            List<CustomerId> ids = new ArrayList<>();
            for (long high : Fixtures.HIGHS_ASCENDING) {
                ids.add(new CustomerId(Fixtures.uuid(high)));
            }
            List<CustomerId> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled);
            for (CustomerId id : shuffled) {
                Customer customer = Fixtures.personWithPhone(tenant, id,
                        new PhoneNumber("+4915123456789", id.equals(ids.get(0)) ? "7" : null));
                if (id.equals(ids.get(3))) {
                    customer = customer.toBuilder().archivedAt(T0.plusSeconds(1)).build();
                }
                insert(customer);
            }

            assertThat(customers().findByPhone(tenant, PhoneNumber.ofE164("+4915123456789")))
                    .extracting(Customer::id).containsExactlyElementsOf(ids);
        }

        @Test
        void existing_names_exactly_the_ids_that_are_stored() {
            Customer a = insert(Fixtures.minimalPerson(tenant, "A"));
            Customer b = insert(Fixtures.minimalPerson(tenant, "B"));
            CustomerId unknown = Fixtures.customerId();

            assertThat(customers().existing(tenant, List.of(a.id(), unknown, b.id(), a.id())))
                    .containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(customers().existing(tenant, List.of(unknown))).isEmpty();
            assertThat(customers().existing(tenant, List.of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("listing with filters and keyset paging")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Listing {

        private List<Customer> listAll(CustomerQuery query, int limit) {
            return SpiPaging.customers(storage, tenant, query, limit);
        }

        private List<CustomerId> unsignedIds(int count) {
            List<CustomerId> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(new CustomerId(Fixtures.uuid(Fixtures.HIGHS_ASCENDING[i % 4] + i)));
            }
            ids.sort(Comparator.naturalOrder());
            return ids;
        }

        @Test
        void customers_are_listed_by_id_as_unsigned_numbers() {
            List<CustomerId> ids = unsignedIds(8);
            List<CustomerId> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled);
            shuffled.forEach(id -> insert(Fixtures.minimalPerson(tenant, id, "C")));

            Slice<Customer> slice = customers().list(tenant, CustomerQuery.ALL, null, 100);

            assertThat(slice.items()).extracting(Customer::id).containsExactlyElementsOf(ids);
            assertThat(slice.hasMore()).isFalse();
        }

        @Test
        void paging_by_the_last_id_neither_skips_nor_repeats_and_the_last_full_page_says_no_more() {
            List<CustomerId> ids = unsignedIds(9);
            ids.forEach(id -> insert(Fixtures.minimalPerson(tenant, id, "C")));

            Slice<Customer> first = customers().list(tenant, CustomerQuery.ALL, null, 3);
            Slice<Customer> second = customers().list(tenant, CustomerQuery.ALL, ids.get(2), 3);
            Slice<Customer> third = customers().list(tenant, CustomerQuery.ALL, ids.get(5), 3);

            assertThat(first.items()).extracting(Customer::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(first.hasMore()).isTrue();
            assertThat(second.items()).extracting(Customer::id).containsExactlyElementsOf(ids.subList(3, 6));
            assertThat(second.hasMore()).isTrue();
            assertThat(third.items()).extracting(Customer::id).containsExactlyElementsOf(ids.subList(6, 9));
            assertThat(third.hasMore()).as("nothing follows the ninth of nine").isFalse();
            for (int limit = 1; limit <= 10; limit++) {
                assertThat(listAll(CustomerQuery.ALL, limit)).extracting(Customer::id)
                        .as("paged with limit %d", limit).containsExactlyElementsOf(ids);
            }
        }

        @Test
        void the_position_to_continue_after_need_not_be_a_stored_customer() {
            List<CustomerId> ids = unsignedIds(8);
            ids.forEach(id -> insert(Fixtures.minimalPerson(tenant, id, "C")));
            CustomerId between = new CustomerId(new UUID(0x8000_0000_0000_0000L, 0L));

            Slice<Customer> slice = customers().list(tenant, CustomerQuery.ALL, between, 100);

            assertThat(slice.items()).extracting(Customer::id).containsExactlyElementsOf(
                    ids.stream().filter(id -> id.compareTo(between) > 0).toList());
        }

        @Test
        void archived_customers_are_listed_only_when_the_query_includes_them() {
            Customer active = insert(Fixtures.minimalPerson(tenant, "Active"));
            Customer archived = insert(Fixtures.minimalPerson(tenant, "Archived").toBuilder()
                    .archivedAt(T0.plusSeconds(1)).build());

            assertThat(customers().list(tenant, CustomerQuery.ACTIVE, null, 10).items())
                    .extracting(Customer::id).containsExactly(active.id());
            assertThat(customers().list(tenant, CustomerQuery.ALL, null, 10).items())
                    .extracting(Customer::id).containsExactlyInAnyOrder(active.id(), archived.id());
        }

        @Test
        void the_query_filters_by_kind_stage_and_exact_tag() {
            Customer person = insert(Fixtures.minimalPerson(tenant, "P").toBuilder()
                    .lifecycleStage(LifecycleStage.CUSTOMER).tags(Set.of("vip", "candles")).build());
            Customer organisation = insert(Fixtures.minimalPerson(tenant, "O").toBuilder()
                    .organisation(new OrganisationProfile("Org", null, null, null))
                    .lifecycleStage(LifecycleStage.CUSTOMER).tags(Set.of("VIP")).build());
            Customer lead = insert(Fixtures.minimalPerson(tenant, "L").toBuilder()
                    .lifecycleStage(LifecycleStage.LEAD).tags(Set.of("vip-ish")).build());

            assertThat(ids(new CustomerQuery(CustomerKind.PERSON, null, null, false)))
                    .containsExactlyInAnyOrder(person.id(), lead.id());
            assertThat(ids(new CustomerQuery(CustomerKind.ORGANISATION, null, null, false)))
                    .containsExactly(organisation.id());
            assertThat(ids(CustomerQuery.inStage(LifecycleStage.CUSTOMER)))
                    .containsExactlyInAnyOrder(person.id(), organisation.id());
            assertThat(ids(CustomerQuery.tagged("vip"))).as("tags match exactly, case included")
                    .containsExactly(person.id());
            assertThat(ids(CustomerQuery.tagged("VIP"))).containsExactly(organisation.id());
            assertThat(ids(new CustomerQuery(CustomerKind.PERSON, LifecycleStage.CUSTOMER, "candles", false)))
                    .containsExactly(person.id());
            assertThat(ids(CustomerQuery.inStage(LifecycleStage.EVANGELIST))).isEmpty();
        }

        @Test
        void a_filtered_list_pages_over_matching_customers_only() {
            List<CustomerId> ids = unsignedIds(12);
            List<CustomerId> tagged = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                boolean match = i % 3 == 0;
                insert(Fixtures.minimalPerson(tenant, ids.get(i), "C").toBuilder()
                        .tags(match ? Set.of("wanted") : Set.of("other")).build());
                if (match) {
                    tagged.add(ids.get(i));
                }
            }

            Slice<Customer> first = customers().list(tenant, CustomerQuery.tagged("wanted"), null, 2);

            assertThat(first.items()).extracting(Customer::id).containsExactlyElementsOf(tagged.subList(0, 2));
            assertThat(first.hasMore()).isTrue();
            assertThat(listAll(CustomerQuery.tagged("wanted"), 2)).extracting(Customer::id)
                    .containsExactlyElementsOf(tagged);
        }

        @Test
        void an_empty_tenant_lists_nothing() {
            Slice<Customer> slice = customers().list(tenant, CustomerQuery.ALL, null, 10);

            assertThat(slice.items()).isEmpty();
            assertThat(slice.hasMore()).isFalse();
        }

        private List<CustomerId> ids(CustomerQuery query) {
            return listAll(query, 100).stream().map(Customer::id).toList();
        }
    }
}
