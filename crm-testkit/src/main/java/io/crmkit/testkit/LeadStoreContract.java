package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static io.crmkit.testkit.KitAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.SourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The contract of {@link LeadStore}: every value of a {@link Lead} round-trips unchanged (attribution, BANT
 * checklist, score, possible duplicates, conversion); saves are optimistic; a capture's source key is claimed once,
 * also under concurrency, and a rolled-back claim is free again; look-ups by e-mail ({@link EmailAddress#matchKey()})
 * and phone (E.164) find every match ordered by id; lists are ordered by id as unsigned numbers, filtered by
 * {@link LeadQuery} and paged by keyset; the status history is append-only and read oldest first; sequences count
 * 1, 2, 3 per tenant and name, never twice the same value, and roll back with their unit of work; settings round-trip
 * whole; nothing crosses tenants.
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcLeadStoreContractTest extends LeadStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("LeadStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class LeadStoreContract extends AbstractStorageContract {

    /** For subclasses. */
    protected LeadStoreContract() {
    }

    private LeadStore leads() {
        return storage.leads();
    }

    private Lead insert(Lead lead) {
        leads().insert(tenant, lead);
        return lead;
    }

    /** A lead with every value set, its related customer stored first. */
    private Lead fullLead() {
        io.crmkit.customer.Customer customer = Fixtures.minimalPerson(tenant, "Related");
        storage.customers().insert(tenant, customer);
        return LeadFixtures.fullLead(tenant, LeadFixtures.leadId(), customer.id());
    }

    private static Lead next(Lead lead) {
        return lead.toBuilder().version(lead.version() + 1).updatedAt(lead.updatedAt().plusSeconds(1)).build();
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_lead_with_every_value_set_reads_back_equal() {
            Lead zoe = insert(fullLead());

            assertReadsBack(leads().find(tenant, zoe.id()), zoe);
        }

        @Test
        void a_lead_with_nothing_optional_reads_back_with_nulls_and_empty_collections() {
            Lead minimal = insert(LeadFixtures.minimalLead(tenant, "only@example.com"));

            Lead found = leads().find(tenant, minimal.id()).orElseThrow();

            assertReadsBack(leads().find(tenant, minimal.id()), minimal);
            assertThat(found.givenName()).isNull();
            assertThat(found.phone()).isNull();
            assertThat(found.sourceRef()).isNull();
            assertThat(found.score()).isNull();
            assertThat(found.bant()).isNull();
            assertThat(found.conversion()).isNull();
            assertThat(found.attributes()).isEmpty();
            assertThat(found.possibleDuplicates().any()).isFalse();
        }

        @Test
        void a_converted_lead_keeps_what_it_became() {
            Lead zoe = insert(fullLead());
            io.crmkit.customer.Customer became = Fixtures.minimalPerson(tenant, "Became");
            storage.customers().insert(tenant, became);
            Lead converted = LeadFixtures.converted(zoe, became.id());

            leads().update(tenant, converted);

            assertReadsBack(leads().find(tenant, zoe.id()), converted);
        }

        @Test
        void an_update_replaces_every_value_and_removed_values_are_gone() {
            Lead zoe = insert(fullLead());
            Lead changed = LeadFixtures.minimalLead(tenant, zoe.id(), "new@example.com").toBuilder()
                    .version(2).status(LeadStatus.DISQUALIFIED).disqualificationReason("spam")
                    .createdAt(zoe.createdAt()).updatedAt(zoe.updatedAt().plusSeconds(1)).build();

            leads().update(tenant, changed);

            assertReadsBack(leads().find(tenant, zoe.id()), changed);
            assertThat(leads().findByEmail(tenant, zoe.email())).isEmpty();
            assertThat(leads().findByPhone(tenant, zoe.phone())).isEmpty();
        }

        @Test
        void an_unknown_id_is_not_found_and_a_second_insert_of_an_id_fails_keeping_the_first() {
            Lead first = insert(LeadFixtures.minimalLead(tenant, "first@example.com"));

            assertThat(leads().find(tenant, LeadFixtures.leadId())).isEmpty();
            assertThatThrownBy(() -> leads().insert(tenant, LeadFixtures.minimalLead(tenant, first.id(),
                    "second@example.com"))).isInstanceOf(StorageException.class);
            assertReadsBack(leads().find(tenant, first.id()), first);
        }
    }

    @Nested
    @DisplayName("optimistic locking")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class OptimisticLocking {

        @Test
        void an_update_based_on_a_stale_version_fails_and_changes_nothing() {
            Lead lead = insert(LeadFixtures.minimalLead(tenant, "a@example.com"));
            Lead second = next(lead);
            leads().update(tenant, second);

            assertThatThrownBy(() -> leads().update(tenant, next(lead).toBuilder().givenName("Stale").build()))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThatThrownBy(() -> leads().update(tenant, next(next(second))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertReadsBack(leads().find(tenant, lead.id()), second);
        }

        @Test
        void updating_a_lead_that_does_not_exist_is_not_found() {
            assertThatThrownBy(() -> leads().update(tenant, next(LeadFixtures.minimalLead(tenant, "a@example.com"))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("capture source keys")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class SourceKeys {

        @Test
        void a_free_key_is_claimed_once_and_then_names_its_holder() {
            SourceRef key = new SourceRef("webforms", "8812");
            LeadId first = LeadFixtures.leadId();
            LeadId second = LeadFixtures.leadId();

            assertThat(leads().claimSource(tenant, key, first)).isEmpty();
            assertThat(leads().claimSource(tenant, key, second)).contains(first);
            assertThat(leads().findBySource(tenant, key)).contains(first);
            assertThat(leads().findBySource(tenant, new SourceRef("webforms", "8813"))).isEmpty();
            assertThat(leads().findBySource(tenant, new SourceRef("other", "8812"))).isEmpty();
        }

        @Test
        void several_keys_may_name_one_lead_and_a_key_may_be_claimed_before_its_lead_is_stored() {
            Lead lead = LeadFixtures.minimalLead(tenant, "a@example.com");
            storage.inTransaction(tenant, tx -> {
                assertThat(leads().claimSource(tenant, new SourceRef("webforms", "1"), lead.id())).isEmpty();
                leads().insert(tenant, lead);
                return null;
            });
            assertThat(leads().claimSource(tenant, new SourceRef("webinars", "1"), lead.id())).isEmpty();

            assertThat(leads().findBySource(tenant, new SourceRef("webforms", "1"))).contains(lead.id());
            assertThat(leads().findBySource(tenant, new SourceRef("webinars", "1"))).contains(lead.id());
        }

        @Test
        void a_claim_that_rolls_back_leaves_the_key_free() {
            SourceRef key = new SourceRef("webforms", "rollback");
            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                leads().claimSource(tenant, key, LeadFixtures.leadId());
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(leads().findBySource(tenant, key)).isEmpty();
            LeadId later = LeadFixtures.leadId();
            assertThat(leads().claimSource(tenant, key, later)).isEmpty();
            assertThat(leads().findBySource(tenant, key)).contains(later);
        }

        @Test
        void the_same_key_claimed_by_several_threads_at_once_goes_to_exactly_one() throws Exception {
            SourceRef key = new SourceRef("webforms", "race");
            int threads = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Optional<LeadId>>> results = new ArrayList<>();
                List<LeadId> ids = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    LeadId id = LeadFixtures.leadId();
                    ids.add(id);
                    results.add(pool.submit(() -> {
                        start.await();
                        return storage.inTransaction(tenant, tx -> leads().claimSource(tenant, key, id));
                    }));
                }
                start.countDown();
                List<Optional<LeadId>> outcomes = new ArrayList<>();
                for (Future<Optional<LeadId>> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }
                LeadId holder = leads().findBySource(tenant, key).orElseThrow();
                assertThat(outcomes.stream().filter(Optional::isEmpty).count()).as("claims that won").isEqualTo(1);
                assertThat(outcomes.stream().filter(Optional::isPresent).map(Optional::get))
                        .as("the others are told who holds it").allMatch(holder::equals);
                assertThat(ids).contains(holder);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("look-ups by e-mail and phone")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class LookUps {

        @Test
        void e_mail_matches_ignore_case_and_come_ordered_by_id() {
            List<Lead> written = new ArrayList<>();
            for (long high : Fixtures.HIGHS_ASCENDING) {
                written.add(insert(LeadFixtures.minimalLead(tenant, new LeadId(Fixtures.uuid(high)),
                        high % 2 == 0 ? "Sarah@Example.com" : "sarah@EXAMPLE.com")));
            }
            insert(LeadFixtures.minimalLead(tenant, "someone.else@example.com"));

            assertThat(leads().findByEmail(tenant, EmailAddress.parse("SARAH@example.com")))
                    .extracting(Lead::id).containsExactlyElementsOf(written.stream().map(Lead::id).toList());
        }

        @Test
        void phone_matches_compare_e164_ignoring_the_extension() {
            Lead plain = insert(LeadFixtures.leadWithPhone(tenant, LeadFixtures.leadId(),
                    PhoneNumber.ofE164("+447700900123")));
            Lead extension = insert(LeadFixtures.leadWithPhone(tenant, LeadFixtures.leadId(),
                    new PhoneNumber("+447700900123", "7")));
            insert(LeadFixtures.leadWithPhone(tenant, LeadFixtures.leadId(), PhoneNumber.ofE164("+447700900124")));

            assertThat(leads().findByPhone(tenant, PhoneNumber.ofE164("+447700900123"))).extracting(Lead::id)
                    .containsExactlyInAnyOrder(plain.id(), extension.id())
                    .isSortedAccordingTo((a, b) -> Ids.compare(a.value(), b.value()));
        }
    }

    @Nested
    @DisplayName("lists")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Lists {

        @Test
        void are_ordered_by_id_as_unsigned_numbers_and_paged_without_skipping_or_repeating() {
            List<Lead> written = new ArrayList<>();
            for (long high : Fixtures.HIGHS_ASCENDING) {
                for (int i = 0; i < 3; i++) {
                    written.add(insert(LeadFixtures.minimalLead(tenant, new LeadId(Fixtures.uuid(high)),
                            "l" + high + i + "@example.com")));
                }
            }
            written.sort(Comparator.comparing(Lead::id, (a, b) -> Ids.compare(a.value(), b.value())));

            List<LeadId> read = SpiPaging.leads(storage, tenant, LeadQuery.ALL, 5).stream().map(Lead::id).toList();

            assertThat(read).containsExactlyElementsOf(written.stream().map(Lead::id).toList());
        }

        @Test
        void filter_by_status_and_owner() {
            Lead open = insert(LeadFixtures.minimalLead(tenant, "open@example.com").toBuilder()
                    .owner(UserId.of("alice")).build());
            Lead disqualified = insert(LeadFixtures.minimalLead(tenant, "dq@example.com").toBuilder()
                    .status(LeadStatus.DISQUALIFIED).disqualificationReason("spam").owner(UserId.of("alice")).build());
            Lead bobs = insert(LeadFixtures.minimalLead(tenant, "bob@example.com").toBuilder()
                    .status(LeadStatus.WORKING).owner(UserId.of("bob")).build());

            assertThat(leads().list(tenant, LeadQuery.OPEN, null, 10).items()).extracting(Lead::id)
                    .containsExactlyInAnyOrder(open.id(), bobs.id());
            assertThat(leads().list(tenant, LeadQuery.ALL.ownedBy(UserId.of("alice")), null, 10).items())
                    .extracting(Lead::id).containsExactlyInAnyOrder(open.id(), disqualified.id());
            assertThat(leads().list(tenant, LeadQuery.inStatus(LeadStatus.DISQUALIFIED), null, 10).items())
                    .extracting(Lead::id).containsExactly(disqualified.id());
            assertThat(leads().list(tenant, LeadQuery.OPEN.ownedBy(UserId.of("carol")), null, 10).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("status history")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class History {

        @Test
        void entries_read_back_oldest_first_paged_by_version() {
            Lead lead = insert(LeadFixtures.minimalLead(tenant, "h@example.com"));
            List<LeadStatusChange> written = List.of(
                    new LeadStatusChange(lead.id(), 1, T0, null, null, LeadStatus.NEW, null),
                    new LeadStatusChange(lead.id(), 2, T0.plusSeconds(1), UserId.of("alice"), LeadStatus.NEW,
                            LeadStatus.WORKING, "called\nno answer"),
                    new LeadStatusChange(lead.id(), 5, T0.plusSeconds(2), UserId.of("bob"), LeadStatus.WORKING,
                            LeadStatus.DISQUALIFIED, "spam"));
            for (int i = written.size() - 1; i >= 0; i--) {
                leads().appendHistory(tenant, written.get(i));
            }

            Slice<LeadStatusChange> first = leads().history(tenant, lead.id(), 0, 2);
            List<LeadStatusChange> read = SpiPaging.leadHistory(storage, tenant, lead.id(), 2);

            assertThat(first.hasMore()).isTrue();
            assertThat(first.items()).extracting(LeadStatusChange::version).containsExactly(1L, 2L);
            assertThat(read).hasSameSizeAs(written);
            for (int i = 0; i < written.size(); i++) {
                assertSameRecord(read.get(i), written.get(i));
            }
            assertThat(leads().history(tenant, LeadFixtures.leadId(), 0, 10).items()).isEmpty();
        }

        @Test
        void an_entry_is_never_replaced() {
            Lead lead = insert(LeadFixtures.minimalLead(tenant, "h@example.com"));
            LeadStatusChange first = new LeadStatusChange(lead.id(), 1, T0, null, null, LeadStatus.NEW, null);
            leads().appendHistory(tenant, first);

            assertThatThrownBy(() -> leads().appendHistory(tenant, new LeadStatusChange(lead.id(), 1, T0, null,
                    LeadStatus.NEW, LeadStatus.WORKING, null))).isInstanceOf(StorageException.class);
            assertThat(leads().history(tenant, lead.id(), 0, 10).items()).containsExactly(first);
        }
    }

    @Nested
    @DisplayName("sequences")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Sequences {

        @Test
        void count_one_two_three_per_name_and_tenant() {
            assertThat(leads().nextInSequence(tenant, "round-robin:sales")).isEqualTo(1);
            assertThat(leads().nextInSequence(tenant, "round-robin:sales")).isEqualTo(2);
            assertThat(leads().nextInSequence(tenant, "round-robin:support")).isEqualTo(1);
            assertThat(leads().nextInSequence(otherTenant, "round-robin:sales")).isEqualTo(1);
            assertThat(leads().nextInSequence(tenant, "round-robin:sales")).isEqualTo(3);
        }

        @Test
        void an_advance_that_rolls_back_is_undone() {
            leads().nextInSequence(tenant, "s");
            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                leads().nextInSequence(tenant, "s");
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(leads().nextInSequence(tenant, "s")).isEqualTo(2);
        }

        @Test
        void concurrent_advances_never_return_the_same_value() throws Exception {
            int threads = 4;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Long> values = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            values.add(storage.inTransaction(tenant, tx -> leads().nextInSequence(tenant, "race")));
                        }
                        return values;
                    }));
                }
                start.countDown();
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> result : results) {
                    all.addAll(result.get(60, TimeUnit.SECONDS));
                }
                assertThat(all).hasSize(threads * each);
                assertThat(all).allMatch(v -> v >= 1 && v <= threads * each);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("settings")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Settings {

        @Test
        void a_tenant_without_settings_has_none_and_stored_settings_read_back_whole_and_replace_earlier_ones() {
            assertThat(leads().settings(tenant)).isEmpty();

            leads().saveSettings(tenant, LeadSettings.defaults());
            leads().saveSettings(tenant, LeadFixtures.fullSettings());

            assertReadsBack(leads().settings(tenant), LeadFixtures.fullSettings());
            assertThat(leads().settings(otherTenant)).isEmpty();
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class TenantIsolation {

        @Test
        void what_one_tenant_wrote_is_invisible_to_another() {
            Lead lead = insert(fullLead());
            leads().claimSource(tenant, lead.sourceRef(), lead.id());
            leads().appendHistory(tenant, new LeadStatusChange(lead.id(), 1, T0, null, null, LeadStatus.NEW, null));

            assertThat(leads().find(otherTenant, lead.id())).isEmpty();
            assertThat(leads().findBySource(otherTenant, lead.sourceRef())).isEmpty();
            assertThat(leads().findByEmail(otherTenant, lead.email())).isEmpty();
            assertThat(leads().findByPhone(otherTenant, lead.phone())).isEmpty();
            assertThat(leads().list(otherTenant, LeadQuery.ALL, null, 10).items()).isEmpty();
            assertThat(leads().history(otherTenant, lead.id(), 0, 10).items()).isEmpty();
            assertThat(leads().claimSource(otherTenant, lead.sourceRef(), LeadFixtures.leadId())).isEmpty();
            assertThatThrownBy(() -> leads().update(otherTenant, next(lead).toBuilder().tenantId(otherTenant).build()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void a_lead_of_another_tenant_is_refused_and_nothing_is_stored() {
            Lead foreign = LeadFixtures.minimalLead(otherTenant, "f@example.com");

            assertThatThrownBy(() -> leads().insert(tenant, foreign)).isInstanceOf(TenantViolationException.class);
            assertThatThrownBy(() -> leads().update(tenant, next(foreign))).isInstanceOf(TenantViolationException.class);
            assertThat(leads().find(tenant, foreign.id())).isEmpty();
            assertThat(leads().find(otherTenant, foreign.id())).isEmpty();
        }
    }
}
