package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipRemoved;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a whole {@link io.crmkit.spi.CrmStorage}: what holds across its stores.
 * <ul>
 *   <li><b>units of work</b>: what {@code inTransaction} writes to any store commits together; a unit of work that
 *       throws anything (a runtime exception, an error, even a checked exception thrown past the compiler) leaves
 *       nothing behind and its exception reaches the caller unchanged; a nested call of the same tenant joins the
 *       outer unit of work;</li>
 *   <li><b>after-commit callbacks</b> run after the outermost commit, in registration order, never after a
 *       rollback; they see the committed data from any thread, may start a unit of work of their own, and one
 *       failing stops neither the commit nor the others;</li>
 *   <li><b>tenant isolation</b>: a record of one tenant is invisible to another through every read, the same ids
 *       and sources in two tenants are two records, a record handed to a call of another tenant and a unit of work
 *       touching another tenant are refused with {@link TenantViolationException};</li>
 *   <li><b>the public API on this storage</b>: a {@link Crm} built on it registers, finds, updates, relates and
 *       records end to end, and publishes its events only after the commit, never for a unit of work that
 *       failed.</li>
 * </ul>
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcCrmStorageContractTest extends CrmStorageContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("CrmStorage contract: units of work, tenants, public API")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CrmStorageContract extends AbstractStorageContract {

    /** For subclasses. */
    protected CrmStorageContract() {
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** What a unit of work writes to every store; {@link #assertAbsent} checks that none of it is there. */
    private final class Writes {
        final Customer customer = Fixtures.fullPerson(tenant, Fixtures.customerId());
        final Customer other = Fixtures.personWithEmail(tenant, Fixtures.customerId(), "other@example.com");
        final Relationship relationship = Fixtures.relationship(tenant, customer.id(), RelationshipType.SISTER_OF,
                other.id());
        final Touchpoint order = Fixtures.fullPurchase(tenant, customer.id(), Money.of("42.50", "EUR"), "1001");
        final Touchpoint call = Fixtures.fullCall(tenant, other.id());

        void write() {
            storage.customers().insert(tenant, customer);
            storage.customers().insert(tenant, other);
            storage.relationships().insert(tenant, relationship);
            storage.touchpoints().insertAll(tenant, List.of(order, call));
        }

        void assertPresent() {
            assertReadsBack(storage.customers().find(tenant, customer.id()), customer);
            assertReadsBack(storage.relationships().find(tenant, relationship.id()), relationship);
            assertReadsBack(storage.touchpoints().find(tenant, order.id()), order);
            assertReadsBack(storage.touchpoints().find(tenant, call.id()), call);
        }

        void assertAbsent() {
            assertThat(storage.customers().find(tenant, customer.id()).map(Customer::id)).isEmpty();
            assertThat(storage.customers().find(tenant, other.id()).map(Customer::id)).isEmpty();
            assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("other@example.com")))
                    .extracting(Customer::id).isEmpty();
            assertThat(storage.customers().findByPhone(tenant, customer.phones().get(0).number()))
                    .extracting(Customer::id).isEmpty();
            assertThat(storage.customers().list(tenant, CustomerQuery.ALL, null, 10).items())
                    .extracting(Customer::id).isEmpty();
            assertThat(storage.relationships().find(tenant, relationship.id())).isEmpty();
            assertThat(storage.relationships().involving(tenant, other.id(), null, 10).items()).isEmpty();
            assertThat(storage.touchpoints().find(tenant, order.id()).map(Touchpoint::id)).isEmpty();
            assertThat(storage.touchpoints().timeline(tenant, customer.id(), TimelineQuery.ALL, null, 10).items())
                    .extracting(Touchpoint::id).isEmpty();
            assertThat(storage.touchpoints().activity(tenant, customer.id()))
                    .isEqualTo(CustomerActivity.none(customer.id()));
            assertThat(storage.touchpoints().lapsedBuyers(tenant, Instant.MAX.minusSeconds(1), null, 10).items())
                    .isEmpty();
        }
    }


    @Nested
    @DisplayName("units of work")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class UnitsOfWork {

        @Test
        void a_unit_of_work_returns_what_its_work_returns_and_knows_its_tenant() {
            AtomicReference<TenantId> seen = new AtomicReference<>();

            String result = storage.inTransaction(tenant, tx -> {
                seen.set(tx.tenant());
                return "done";
            });

            assertThat(result).isEqualTo("done");
            assertThat(seen).hasValue(tenant);
        }

        @Test
        void writes_to_every_store_commit_together() {
            Writes writes = new Writes();

            storage.inTransaction(tenant, tx -> {
                writes.write();
                return null;
            });

            writes.assertPresent();
        }

        @Test
        void a_unit_of_work_that_throws_after_writing_to_every_store_leaves_nothing_behind() {
            Writes writes = new Writes();
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                writes.write();
                throw boom;
            })).as("the work's own exception reaches the caller unchanged").isSameAs(boom);

            writes.assertAbsent();
        }

        @Test
        void a_rolled_back_update_and_delete_leave_the_records_as_they_were() {
            Writes writes = new Writes();
            writes.write();
            Customer changed = writes.customer.toBuilder().version(2)
                    .person(new PersonProfile("Changed", null, null)).emails(List.of()).build();

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                storage.customers().update(tenant, changed);
                storage.relationships().delete(tenant, writes.relationship.id());
                storage.touchpoints().insertAll(tenant, List.of(
                        Fixtures.purchase(tenant, writes.customer.id(), at(99), Money.of("1.00", "EUR"))));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);

            writes.assertPresent();
            assertThat(storage.customers().findByEmail(tenant, writes.customer.emails().get(0).address()))
                    .extracting(Customer::id).containsExactly(writes.customer.id());
            assertThat(storage.relationships().involving(tenant, writes.other.id(), null, 10).items())
                    .containsExactly(writes.relationship);
            assertThat(storage.touchpoints().activity(tenant, writes.customer.id()).lastPurchaseAt())
                    .isEqualTo(writes.order.occurredAt());
            assertThat(storage.touchpoints().lapsedBuyers(tenant, at(0), null, 10).items())
                    .extracting(CustomerActivity::customerId).containsExactly(writes.customer.id());
        }

        @Test
        void an_error_thrown_by_the_work_rolls_it_back_too() {
            Writes writes = new Writes();
            AssertionError error = new AssertionError("an error, not an exception");

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                writes.write();
                throw error;
            })).isSameAs(error);

            writes.assertAbsent();
        }

        @Test
        void a_checked_exception_thrown_past_the_compiler_rolls_the_work_back_too() {
            // Kotlin, Scala, Groovy and Lombok's @SneakyThrows throw checked exceptions through UnitOfWork.run.
            Writes writes = new Writes();
            IOException checked = new IOException("disk full");

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                writes.write();
                throw Fixtures.sneakyThrow(checked);
            })).isSameAs(checked);

            writes.assertAbsent();
        }

        @Test
        void what_a_rolled_back_unit_of_work_wrote_can_be_written_again() {
            Writes writes = new Writes();
            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                writes.write();
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);

            List<IngestOutcome> outcomes = storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, writes.customer);
                storage.customers().insert(tenant, writes.other);
                storage.relationships().insert(tenant, writes.relationship);
                return storage.touchpoints().insertAll(tenant, List.of(writes.order, writes.call));
            });

            assertThat(outcomes).as("the sources of the rolled back touchpoints are free again")
                    .extracting(IngestOutcome::duplicate).containsExactly(false, false);
            writes.assertPresent();
        }

        @Test
        void a_nested_unit_of_work_of_the_same_tenant_joins_the_outer_one() {
            Writes writes = new Writes();
            AtomicBoolean innerVisibleInOuter = new AtomicBoolean();

            assertThatThrownBy(() -> storage.inTransaction(tenant, outer -> {
                String inner = storage.inTransaction(tenant, tx -> {
                    writes.write();
                    return "inner";
                });
                assertThat(inner).isEqualTo("inner");
                innerVisibleInOuter.set(storage.customers().find(tenant, writes.customer.id()).isPresent());
                throw new IllegalStateException("the outer unit of work fails after the inner one returned");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(innerVisibleInOuter).as("the inner writes are visible in the outer unit of work").isTrue();
            writes.assertAbsent();
        }

        @Test
        void a_nested_unit_of_work_that_fails_dooms_the_outer_one_even_when_its_exception_is_caught() {
            Writes writes = new Writes();
            AtomicBoolean callbackRan = new AtomicBoolean();

            assertThatThrownBy(() -> storage.inTransaction(tenant, outer -> {
                outer.afterCommit(() -> callbackRan.set(true));
                writes.write();
                try {
                    storage.inTransaction(tenant, inner -> {
                        throw new IllegalStateException("the nested unit of work fails");
                    });
                } catch (IllegalStateException expected) {
                    // the outer work carries on as if nothing happened
                }
                return "outer";
            })).isInstanceOf(io.crmkit.shared.StorageException.class);

            writes.assertAbsent();
            assertThat(callbackRan).as("no after-commit callback runs for a rolled-back unit of work").isFalse();
        }

        @Test
        void writes_outside_any_unit_of_work_commit_each_on_its_own() {
            Writes writes = new Writes();

            writes.write();

            writes.assertPresent();
        }
    }

    @Nested
    @DisplayName("after-commit callbacks")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class AfterCommit {

        @Test
        void callbacks_run_after_the_commit_in_registration_order() {
            List<String> calls = new CopyOnWriteArrayList<>();

            storage.inTransaction(tenant, tx -> {
                tx.afterCommit(() -> calls.add("first"));
                storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, "Miller"));
                tx.afterCommit(() -> calls.add("second"));
                tx.afterCommit(() -> calls.add("third"));
                assertThat(calls).as("no callback runs before the commit").isEmpty();
                return null;
            });

            assertThat(calls).containsExactly("first", "second", "third");
        }

        @Test
        void callbacks_of_a_nested_unit_of_work_wait_for_the_outermost_commit() {
            List<String> calls = new CopyOnWriteArrayList<>();
            AtomicReference<List<String>> afterInner = new AtomicReference<>();

            storage.inTransaction(tenant, outer -> {
                outer.afterCommit(() -> calls.add("outer"));
                storage.inTransaction(tenant, inner -> {
                    inner.afterCommit(() -> calls.add("inner"));
                    return null;
                });
                afterInner.set(List.copyOf(calls));
                return null;
            });

            assertThat(afterInner.get()).as("callbacks run when the inner unit of work returns").isEmpty();
            assertThat(calls).containsExactly("outer", "inner");
        }

        @Test
        void callbacks_never_run_when_the_unit_of_work_rolls_back() {
            List<String> calls = new CopyOnWriteArrayList<>();

            assertThatThrownBy(() -> storage.inTransaction(tenant, outer -> {
                outer.afterCommit(() -> calls.add("outer"));
                storage.inTransaction(tenant, inner -> {
                    inner.afterCommit(() -> calls.add("inner"));
                    storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, "Miller"));
                    return null;
                });
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(calls).isEmpty();
        }

        @Test
        void a_failing_callback_neither_undoes_the_commit_nor_stops_the_others() {
            List<String> calls = new CopyOnWriteArrayList<>();
            Customer miller = Fixtures.minimalPerson(tenant, "Miller");

            try {
                storage.inTransaction(tenant, tx -> {
                    storage.customers().insert(tenant, miller);
                    tx.afterCommit(() -> calls.add("before"));
                    tx.afterCommit(() -> {
                        throw new IllegalStateException("a callback fails");
                    });
                    tx.afterCommit(() -> calls.add("after"));
                    return null;
                });
            } catch (RuntimeException tolerated) {
                // The SPI does not say whether (or how) the failure reaches the caller; it says what must still
                // happen: the commit stands and the other callbacks run.
            }

            assertThat(calls).containsExactly("before", "after");
            assertReadsBack(storage.customers().find(tenant, miller.id()), miller);
        }

        @Test
        void a_callback_sees_the_committed_data_from_another_thread() throws Exception {
            Customer miller = Fixtures.minimalPerson(tenant, "Miller");
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                AtomicReference<Future<Optional<Customer>>> read = new AtomicReference<>();
                storage.inTransaction(tenant, tx -> {
                    storage.customers().insert(tenant, miller);
                    tx.afterCommit(() -> read.set(reader.submit(() -> storage.customers().find(tenant, miller.id()))));
                    return null;
                });

                // A guard against a callback that runs while the unit of work still holds its locks, not a timing.
                Optional<Customer> seen = read.get().get(60, TimeUnit.SECONDS);
                assertThat(seen).as("the callback's reader sees the committed customer").contains(miller);
            } finally {
                reader.shutdownNow();
            }
        }

        @Test
        void a_callback_may_start_a_unit_of_work_of_its_own() {
            Customer first = Fixtures.minimalPerson(tenant, "First");
            Customer second = Fixtures.minimalPerson(tenant, "Second");

            storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, first);
                tx.afterCommit(() -> storage.inTransaction(tenant, next -> {
                    storage.customers().insert(tenant, second);
                    return null;
                }));
                return null;
            });

            assertReadsBack(storage.customers().find(tenant, first.id()), first);
            assertReadsBack(storage.customers().find(tenant, second.id()), second);
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class TenantIsolation {

        @Test
        void what_one_tenant_wrote_is_invisible_to_another_through_every_read() {
            Writes writes = new Writes();
            writes.write();
            Customer customer = writes.customer;
            TenantId other = otherTenant;

            assertThat(storage.customers().find(other, customer.id())).isEmpty();
            for (var email : customer.emails()) {
                assertThat(storage.customers().findByEmail(other, email.address())).isEmpty();
            }
            for (var phone : customer.phones()) {
                assertThat(storage.customers().findByPhone(other, phone.number())).isEmpty();
            }
            assertThat(storage.customers().existing(other, List.of(customer.id(), writes.other.id()))).isEmpty();
            assertThat(storage.customers().list(other, CustomerQuery.ALL, null, 10).items()).isEmpty();
            assertThat(storage.relationships().find(other, writes.relationship.id())).isEmpty();
            assertThat(storage.relationships().find(other, customer.id(), RelationshipType.SISTER_OF,
                    writes.other.id())).isEmpty();
            assertThat(storage.relationships().involving(other, customer.id(), null, 10).items()).isEmpty();
            assertThat(storage.relationships().involving(other, writes.other.id(), null, 10).items()).isEmpty();
            assertThat(storage.touchpoints().find(other, writes.order.id())).isEmpty();
            assertThat(storage.touchpoints().timeline(other, customer.id(), TimelineQuery.ALL, null, 10).items())
                    .isEmpty();
            assertThat(storage.touchpoints().activity(other, customer.id()))
                    .isEqualTo(CustomerActivity.none(customer.id()));
            assertThat(storage.touchpoints().lapsedBuyers(other, at(1_000_000), null, 10).items()).isEmpty();
            writes.assertPresent();
        }

        @Test
        void the_same_ids_and_sources_in_two_tenants_are_two_independent_records() {
            CustomerId id = Fixtures.customerId();
            Customer mine = Fixtures.personWithEmail(tenant, id, "same@example.com");
            Customer theirs = Fixtures.personWithEmail(otherTenant, id, "same@example.com").toBuilder()
                    .person(new PersonProfile("Other", "Person", null)).build();
            SourceRef source = SourceRef.of("shop", "order-1");
            Touchpoint myOrder = Fixtures.withSource(tenant, id, at(1), source);
            Touchpoint theirOrder = Fixtures.touchpoint(otherTenant, myOrder.id(), id, Channel.CALL,
                    Direction.OUTBOUND, at(2), source);
            Customer myFriend = Fixtures.minimalPerson(tenant, "Friend");
            Customer theirEmployer = Fixtures.minimalPerson(otherTenant, "Employer");
            Relationship myLink = Fixtures.relationship(tenant, id, RelationshipType.REFERRED_BY, myFriend.id());
            Relationship theirLink = new Relationship(myLink.id(), otherTenant, id, RelationshipType.WORKS_AT,
                    theirEmployer.id(), at(3));

            storage.customers().insert(tenant, mine);
            storage.customers().insert(otherTenant, theirs);
            storage.customers().insert(tenant, myFriend);
            storage.customers().insert(otherTenant, theirEmployer);
            List<IngestOutcome> myOutcome = storage.touchpoints().insertAll(tenant, List.of(myOrder));
            List<IngestOutcome> theirOutcome = storage.touchpoints().insertAll(otherTenant, List.of(theirOrder));
            storage.relationships().insert(tenant, myLink);
            storage.relationships().insert(otherTenant, theirLink);

            assertThat(myOutcome).containsExactly(new IngestOutcome(myOrder, false));
            assertThat(theirOutcome).as("a source stored in another tenant is no duplicate")
                    .containsExactly(new IngestOutcome(theirOrder, false));
            assertReadsBack(storage.customers().find(tenant, id), mine);
            assertReadsBack(storage.customers().find(otherTenant, id), theirs);
            assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("same@example.com")))
                    .containsExactly(mine);
            assertThat(storage.customers().findByEmail(otherTenant, EmailAddress.parse("same@example.com")))
                    .containsExactly(theirs);
            assertReadsBack(storage.touchpoints().find(tenant, myOrder.id()), myOrder);
            assertReadsBack(storage.touchpoints().find(otherTenant, myOrder.id()), theirOrder);
            assertThat(storage.touchpoints().timeline(tenant, id, TimelineQuery.ALL, null, 10).items())
                    .containsExactly(myOrder);
            assertThat(storage.touchpoints().activity(otherTenant, id).countsByChannel()).containsOnlyKeys(
                    Channel.CALL);
            assertReadsBack(storage.relationships().find(tenant, myLink.id()), myLink);
            assertReadsBack(storage.relationships().find(otherTenant, myLink.id()), theirLink);
            assertThat(storage.relationships().involving(otherTenant, id, null, 10).items())
                    .containsExactly(theirLink);
        }

        @Test
        void another_tenant_can_neither_update_nor_delete_a_record_and_learns_nothing_from_trying() {
            Writes writes = new Writes();
            writes.write();
            Customer intruder = writes.customer.toBuilder().tenantId(otherTenant).version(2)
                    .person(new PersonProfile("Intruder", null, null)).build();

            assertThatThrownBy(() -> storage.customers().update(otherTenant, intruder))
                    .as("a customer of another tenant does not exist").isInstanceOf(NotFoundException.class);
            assertThat(storage.relationships().delete(otherTenant, writes.relationship.id())).isFalse();

            writes.assertPresent();
        }

        @Test
        void a_record_of_another_tenant_is_refused_by_every_write_and_nothing_is_stored() {
            Customer theirs = Fixtures.minimalPerson(otherTenant, "Theirs");
            Customer mine = Fixtures.minimalPerson(tenant, "Mine");
            storage.customers().insert(tenant, mine);
            Touchpoint good = Fixtures.email(tenant, mine.id(), at(1));
            Touchpoint bad = Fixtures.email(otherTenant, mine.id(), at(2));

            assertThatThrownBy(() -> storage.customers().insert(tenant, theirs))
                    .isInstanceOf(TenantViolationException.class);
            assertThatThrownBy(() -> storage.customers().update(tenant,
                    mine.toBuilder().tenantId(otherTenant).version(2).build()))
                    .isInstanceOf(TenantViolationException.class);
            assertThatThrownBy(() -> storage.relationships().insert(tenant,
                    Fixtures.relationship(otherTenant, mine.id(), RelationshipType.SISTER_OF, theirs.id())))
                    .isInstanceOf(TenantViolationException.class);
            assertThatThrownBy(() -> storage.touchpoints().insertAll(tenant, List.of(good, bad)))
                    .as("one element of another tenant refuses the whole batch")
                    .isInstanceOf(TenantViolationException.class);

            for (TenantId t : List.of(tenant, otherTenant)) {
                assertThat(storage.customers().find(t, theirs.id())).isEmpty();
                assertThat(storage.touchpoints().find(t, good.id())).isEmpty();
                assertThat(storage.touchpoints().find(t, bad.id())).isEmpty();
                assertThat(storage.relationships().involving(t, mine.id(), null, 10).items()).isEmpty();
            }
            assertReadsBack(storage.customers().find(tenant, mine.id()), mine);
        }

        @Test
        void a_unit_of_work_of_one_tenant_cannot_read_or_write_another_and_rolls_back_when_it_tries() {
            Customer theirs = Fixtures.minimalPerson(otherTenant, "Theirs");
            storage.customers().insert(otherTenant, theirs);
            Customer mine = Fixtures.minimalPerson(tenant, "Mine");

            List<Runnable> trespasses = List.of(
                    () -> storage.customers().find(otherTenant, theirs.id()),
                    () -> storage.customers().list(otherTenant, CustomerQuery.ALL, null, 10),
                    () -> storage.touchpoints().timeline(otherTenant, theirs.id(), TimelineQuery.ALL, null, 10),
                    () -> storage.relationships().involving(otherTenant, theirs.id(), null, 10),
                    () -> storage.customers().insert(otherTenant, Fixtures.minimalPerson(otherTenant, "New")),
                    () -> storage.touchpoints().insertAll(otherTenant,
                            List.of(Fixtures.email(otherTenant, theirs.id(), at(1)))),
                    () -> storage.inTransaction(otherTenant, tx -> null));
            for (Runnable trespass : trespasses) {
                assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                    storage.customers().insert(tenant, mine);
                    trespass.run();
                    return null;
                })).isInstanceOf(TenantViolationException.class);

                assertThat(storage.customers().find(tenant, mine.id()))
                        .as("the unit of work that trespassed was rolled back").isEmpty();
            }
            assertThat(storage.customers().list(otherTenant, CustomerQuery.ALL, null, 10).items())
                    .containsExactly(theirs);
            assertThat(storage.touchpoints().timeline(otherTenant, theirs.id(), TimelineQuery.ALL, null, 10).items())
                    .isEmpty();
        }

        @Test
        void two_tenants_writing_at_the_same_time_each_see_only_their_own() throws Exception {
            int perTenant = 50;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<CustomerId>>> futures = new ArrayList<>();
                for (TenantId t : List.of(tenant, otherTenant)) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<CustomerId> written = new ArrayList<>();
                        for (int i = 0; i < perTenant; i++) {
                            Customer c = Fixtures.personWithEmail(t, Fixtures.customerId(), "shared@example.com");
                            storage.inTransaction(t, tx -> {
                                storage.customers().insert(t, c);
                                storage.touchpoints().insertAll(t, List.of(Fixtures.withSource(t, c.id(), at(1),
                                        SourceRef.of("shop", "same-for-both"))));
                                return null;
                            });
                            written.add(c.id());
                        }
                        return written;
                    }));
                }
                start.countDown();
                List<CustomerId> mine = futures.get(0).get(60, TimeUnit.SECONDS); // deadlock guards, not timings
                List<CustomerId> theirs = futures.get(1).get(60, TimeUnit.SECONDS);

                assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("shared@example.com")))
                        .extracting(Customer::id).containsExactlyInAnyOrderElementsOf(mine);
                assertThat(storage.customers().findByEmail(otherTenant, EmailAddress.parse("shared@example.com")))
                        .extracting(Customer::id).containsExactlyInAnyOrderElementsOf(theirs);
                assertThat(storage.touchpoints().timeline(tenant, mine.get(0), TimelineQuery.ALL, null, 10)
                        .items()).hasSize(1);
                assertThat(storage.touchpoints().timeline(otherTenant, theirs.get(0), TimelineQuery.ALL, null, 10)
                        .items()).as("the source stored in the other tenant is no duplicate here").hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("the public API on this storage")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class PublicApi {

        private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
        private Crm crm;
        private TenantScope scope;

        @BeforeEach
        void buildCrm() {
            crm = Crm.builder().storage(storage).defaultRegion("GB").listener(events::add).build();
            scope = crm.tenant(tenant);
        }

        private CustomerRegistration sarahRegistration() {
            return CustomerRegistration.person("Sarah", "Miller")
                    .jobTitle("Owner")
                    .email("Sarah.Miller@Example.COM", "work")
                    .phone("020 7946 0958", "office")
                    .address(new PostalAddress("1 Main Street", "SW1A 1AA", "London", null, "GB", null, true))
                    .tag("candles")
                    .attribute("tier", AttributeValue.oneOf("gold", List.of("silver", "gold")))
                    .preference("scent", AttributeValue.text("lavender"))
                    .birthday(LocalDate.of(1990, 4, 12))
                    .owner(UserId.of("owner-1"))
                    .build();
        }

        private NewTouchpoint order(CustomerId customer, Instant at, String number) {
            return NewTouchpoint.builder(customer, Channel.PURCHASE, Direction.INBOUND, at)
                    .purchase(Money.of("42.50", "EUR"), number)
                    .source("shop", "order-" + number)
                    .build();
        }

        private <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Test
        void a_registered_customer_is_found_by_id_email_and_phone_and_lists() {
            Customer sarah = scope.customers().register(sarahRegistration());

            assertReadsBack(scope.customers().find(sarah.id()), sarah);
            assertThat(scope.customers().findByEmail("SARAH.MILLER@example.com")).containsExactly(sarah);
            assertThat(scope.customers().findByPhone("+44 20 7946 0958")).containsExactly(sarah);
            assertThat(scope.customers().list(PageRequest.first(10)).items()).containsExactly(sarah);
            assertThat(eventsOf(CustomerRegistered.class)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.customerId()).isEqualTo(sarah.id());
                        assertThat(e.tenantId()).isEqualTo(tenant);
                    });
        }

        @Test
        void an_update_is_stored_at_the_next_version_and_a_stale_one_is_refused_without_an_event() {
            Customer sarah = scope.customers().register(sarahRegistration());

            Customer updated = scope.customers().update(sarah.id(), 1, CustomerPatch.builder()
                    .jobTitle("Head of Purchasing").addEmail("sarah@cafe-luna.example").removeTag("candles").build());

            assertThat(updated.version()).isEqualTo(2);
            assertReadsBack(scope.customers().find(sarah.id()), updated);
            assertThat(scope.customers().findByEmail("sarah@cafe-luna.example")).containsExactly(updated);
            assertThatThrownBy(() -> scope.customers().update(sarah.id(), 1,
                    CustomerPatch.builder().jobTitle("Stale").build()))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertReadsBack(scope.customers().find(sarah.id()), updated);
            assertThat(eventsOf(CustomerUpdated.class)).hasSize(1);
        }

        @Test
        void events_of_a_call_inside_a_unit_of_work_wait_for_its_commit() {
            AtomicReference<List<DomainEvent>> duringWork = new AtomicReference<>();

            Customer sarah = storage.inTransaction(tenant, tx -> {
                Customer registered = scope.customers().register(sarahRegistration());
                scope.touchpoints().record(order(registered.id(), at(1), "1"));
                duringWork.set(List.copyOf(events));
                return registered;
            });

            assertThat(duringWork.get()).as("events delivered before the commit").isEmpty();
            assertThat(events).hasSize(2);
            assertThat(eventsOf(CustomerRegistered.class)).extracting(CustomerRegistered::customerId)
                    .containsExactly(sarah.id());
            assertThat(eventsOf(TouchpointRecorded.class)).extracting(TouchpointRecorded::customerId)
                    .containsExactly(sarah.id());
        }

        @Test
        void a_unit_of_work_that_fails_after_calls_of_the_api_stores_nothing_and_publishes_nothing() {
            AtomicReference<CustomerId> registered = new AtomicReference<>();

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                Customer sarah = scope.customers().register(sarahRegistration());
                registered.set(sarah.id());
                scope.touchpoints().record(order(sarah.id(), at(1), "1"));
                throw new IllegalStateException("the host's own work fails");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(events).isEmpty();
            assertThat(scope.customers().find(registered.get())).isEmpty();
            assertThat(scope.customers().findByEmail("sarah.miller@example.com")).isEmpty();
        }

        @Test
        void a_batch_naming_an_unknown_customer_stores_nothing_and_publishes_nothing() {
            Customer sarah = scope.customers().register(sarahRegistration());
            events.clear();

            assertThatThrownBy(() -> scope.touchpoints().recordAll(List.of(
                    order(sarah.id(), at(1), "1"),
                    order(Fixtures.customerId(), at(2), "2"))))
                    .isInstanceOf(NotFoundException.class);

            assertThat(scope.touchpoints().timeline(sarah.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(events).isEmpty();
            assertThat(scope.touchpoints().record(order(sarah.id(), at(1), "1")).duplicate())
                    .as("the source of the refused batch was not kept").isFalse();
        }

        @Test
        void recording_the_same_source_twice_stores_it_once_and_publishes_once() {
            Customer sarah = scope.customers().register(sarahRegistration());

            RecordResult first = scope.touchpoints().record(order(sarah.id(), at(1), "1001"));
            RecordResult again = scope.touchpoints().record(order(sarah.id(), at(1), "1001"));

            assertThat(first.duplicate()).isFalse();
            assertThat(again.duplicate()).isTrue();
            assertThat(again.touchpoint()).isEqualTo(first.touchpoint());
            assertThat(scope.touchpoints().timeline(sarah.id(), PageRequest.first(10)).items())
                    .containsExactly(first.touchpoint());
            assertThat(eventsOf(TouchpointRecorded.class)).hasSize(1);
        }

        @Test
        void paging_a_timeline_by_cursor_neither_skips_nor_repeats_while_touchpoints_are_recorded() {
            Customer sarah = scope.customers().register(sarahRegistration());
            List<Touchpoint> initial = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                initial.add(scope.touchpoints().record(order(sarah.id(), at(i % 4), "i" + i)).touchpoint());
            }
            List<Touchpoint> seen = new ArrayList<>();

            Page<Touchpoint> page = scope.touchpoints().timeline(sarah.id(), PageRequest.first(5));
            seen.addAll(page.items());
            int recorded = 0;
            while (page.hasNext()) {
                scope.touchpoints().record(order(sarah.id(), at(recorded % 5), "late" + recorded++));
                page = scope.touchpoints().timeline(sarah.id(), page.nextRequest().orElseThrow());
                seen.addAll(page.items());
            }

            assertThat(seen).doesNotHaveDuplicates().containsAll(initial);
        }

        @Test
        void activity_and_lapsed_buyers_follow_what_was_recorded() {
            Customer sarah = scope.customers().register(sarahRegistration());
            Customer emma = scope.customers().register(CustomerRegistration.person("Emma", "Miller").build());
            scope.touchpoints().recordAll(List.of(order(sarah.id(), at(10), "1"), order(emma.id(), at(5), "2"),
                    order(sarah.id(), at(1), "3")));

            CustomerActivity activity = scope.touchpoints().activity(sarah.id());
            Page<CustomerActivity> lapsed = scope.touchpoints().lapsedBuyers(at(20), PageRequest.first(1));
            Page<CustomerActivity> rest = scope.touchpoints().lapsedBuyers(at(20), lapsed.nextRequest().orElseThrow());

            assertThat(activity.count(Channel.PURCHASE)).isEqualTo(2);
            assertThat(activity.lastPurchaseAt()).isEqualTo(at(10));
            assertThat(lapsed.items()).extracting(CustomerActivity::customerId).containsExactly(emma.id());
            assertThat(rest.items()).extracting(CustomerActivity::customerId).containsExactly(sarah.id());
            assertThat(rest.hasNext()).isFalse();
            assertThat(scope.touchpoints().lapsedBuyers(at(6), PageRequest.first(10)).items())
                    .extracting(CustomerActivity::customerId).containsExactly(emma.id());
        }

        @Test
        void a_relationship_is_seen_from_both_sides_and_removed_from_both() {
            Customer sarah = scope.customers().register(sarahRegistration());
            Customer cafe = scope.customers().register(CustomerRegistration.organisation("Café Luna").build());

            Relationship worksAt = scope.customers().relate(sarah.id(), RelationshipType.WORKS_AT, cafe.id());
            Relationship again = scope.customers().relate(cafe.id(), RelationshipType.WORKS_AT.inverse(), sarah.id());

            assertThat(again).as("relating the same pair again returns the first").isEqualTo(worksAt);
            assertThat(scope.customers().relationships(sarah.id(), PageRequest.first(10)).items())
                    .containsExactly(new RelatedCustomer(worksAt.id(), sarah.id(), "works at", cafe.id()));
            assertThat(scope.customers().relationships(cafe.id(), PageRequest.first(10)).items())
                    .containsExactly(new RelatedCustomer(worksAt.id(), cafe.id(), "employs", sarah.id()));

            scope.customers().removeRelationship(worksAt.id());

            assertThat(scope.customers().relationships(sarah.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(scope.customers().relationships(cafe.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(eventsOf(RelationshipCreated.class)).hasSize(1);
            assertThat(eventsOf(RelationshipRemoved.class)).hasSize(1);
        }

        @Test
        void another_tenant_sees_nothing_of_this_one_through_the_api() {
            Customer sarah = scope.customers().register(sarahRegistration());
            scope.touchpoints().record(order(sarah.id(), at(1), "1"));
            TenantScope other = crm.tenant(otherTenant);

            assertThat(other.customers().find(sarah.id())).isEmpty();
            assertThatThrownBy(() -> other.customers().get(sarah.id())).isInstanceOf(NotFoundException.class);
            assertThat(other.customers().findByEmail("sarah.miller@example.com")).isEmpty();
            assertThat(other.customers().findByPhone("020 7946 0958")).isEmpty();
            assertThat(other.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).isEmpty();
            assertThatThrownBy(() -> other.touchpoints().timeline(sarah.id(), PageRequest.first(10)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> other.touchpoints().activity(sarah.id())).isInstanceOf(NotFoundException.class);
            assertThat(other.touchpoints().lapsedBuyers(at(100), PageRequest.first(10)).items()).isEmpty();
            assertThatThrownBy(() -> other.customers().relationships(sarah.id(), PageRequest.first(10)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> other.customers().update(sarah.id(), 1, CustomerPatch.builder()
                    .jobTitle("Intruder").build())).isInstanceOf(NotFoundException.class);
            assertThat(scope.customers().get(sarah.id())).isEqualTo(sarah);
        }

        @Test
        void a_unit_of_work_of_one_tenant_cannot_call_the_api_of_another() {
            TenantScope other = crm.tenant(otherTenant);

            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                scope.customers().register(sarahRegistration());
                return other.customers().register(CustomerRegistration.person("Emma", null).build());
            })).isInstanceOf(TenantViolationException.class);

            assertThat(scope.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).isEmpty();
            assertThat(other.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).isEmpty();
            assertThat(events).isEmpty();
        }
    }
}
