package io.crmkit.testkit;

import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.Relationship;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.testkit.Operations.Command;
import io.crmkit.testkit.Operations.Planner;
import io.crmkit.testkit.Operations.Pools;
import io.crmkit.testkit.TenantModel.Probes;
import io.crmkit.testkit.generators.CrmGenerators;
import io.crmkit.testkit.generators.Gen;
import io.crmkit.testkit.generators.Tries;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Properties of a whole {@link io.crmkit.spi.CrmStorage}, each checked on many random cases made by
 * {@link CrmGenerators} and run by {@link Tries} (a failure names the seed that repeats it):
 * <ul>
 *   <li><b>round trip</b>: random customers (and their next versions), touchpoints and relationships read back
 *       equal;</li>
 *   <li><b>paging</b>: paging through a timeline (through the SPI and through the public API's cursors) or a
 *       customer list while new records are inserted between pages neither skips nor repeats anything that was
 *       there when paging began, and stays in order;</li>
 *   <li><b>tenant isolation</b>: after random writes to two tenants that share customer ids, relationship ids,
 *       touchpoint ids, e-mail addresses, phone numbers and sources, every read of each tenant answers exactly what
 *       a simple model of that tenant alone says;</li>
 *   <li><b>rollback</b>: a unit of work that makes random writes to every store and then throws (an exception, an
 *       error or a checked exception) leaves every read as it was, and the same writes then commit;</li>
 *   <li><b>public API sequences</b>: random sequences of calls of crmkit's public API (customers, touchpoint
 *       batches with re-deliveries, timelines and their cursors, activity, deals through their whole life, pipeline
 *       figures, tasks, leads captured, moved, disqualified, recycled, accepted and converted, a moving clock; stale versions and unknown ids among them), run on this storage and on the
 *       in-memory reference adapter side by side, give equal answers and refusals at every call and publish equal
 *       events.</li>
 * </ul>
 *
 * <p>To run them against an adapter:
 *
 * <pre>{@code
 * class JdbcCrmStorageProperties extends CrmStoragePropertiesContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * Every try works in tenants of its own, so the storage made before each property may be shared by all its tries.
 * The number of tries is modest (the whole class runs in a few seconds on the in-memory adapter); raise it for a
 * long run with {@code -Dcrmkit.testkit.tries=10}, repeat a failure with {@code -Dcrmkit.testkit.seed=...}.
 */
@DisplayName("CrmStorage properties")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CrmStoragePropertiesContract extends AbstractStorageContract {

    /** For subclasses. */
    protected CrmStoragePropertiesContract() {
    }

    @Nested
    @DisplayName("round trip")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void random_customers_and_their_next_versions_read_back_equal() {
            Tries.check(100, random -> {
                TenantId t = freshTenant();
                Customer customer = CrmGenerators.customers(t).next(random);
                storage.customers().insert(t, customer);
                assertReadsBack(storage.customers().find(t, customer.id()), customer);

                Customer next = CrmGenerators.nextVersionOf(customer).next(random);
                storage.customers().update(t, next);
                assertReadsBack(storage.customers().find(t, customer.id()), next);
                assertThat(storage.customers().list(t, CustomerQuery.ALL, null, 10).items()).containsExactly(next);
            });
        }

        @Test
        void random_touchpoints_read_back_equal() {
            Tries.check(100, random -> {
                TenantId t = freshTenant();
                Customer customer = CrmGenerators.customers(t).next(random);
                storage.customers().insert(t, customer);
                Set<SourceRef> sources = new HashSet<>();
                Set<TouchpointId> ids = new HashSet<>();
                List<Touchpoint> batch = new ArrayList<>();
                for (Touchpoint touchpoint : CrmGenerators.touchpoints(t, customer.id()).list(1, 5).next(random)) {
                    if (ids.add(touchpoint.id()) && (touchpoint.source() == null || sources.add(touchpoint.source()))) {
                        batch.add(touchpoint);
                    }
                }

                List<IngestOutcome> outcomes = storage.touchpoints().insertAll(t, batch);

                assertThat(outcomes).extracting(IngestOutcome::stored).containsExactlyElementsOf(batch);
                assertThat(outcomes).extracting(IngestOutcome::duplicate).containsOnly(false);
                for (Touchpoint touchpoint : batch) {
                    assertReadsBack(storage.touchpoints().find(t, touchpoint.id()), touchpoint);
                }
                assertThat(SpiPaging.timeline(storage, t, customer.id(), TimelineQuery.ALL, 10))
                        .containsExactlyElementsOf(batch.stream().sorted(TenantModel.NEWEST_FIRST).toList());
            });
        }

        @Test
        void random_relationships_read_back_equal_from_both_ends() {
            Tries.check(100, random -> {
                TenantId t = freshTenant();
                Customer from = CrmGenerators.customers(t).next(random);
                Customer to = CrmGenerators.customers(t).next(random);
                if (from.id().equals(to.id())) {
                    return;
                }
                storage.customers().insert(t, from);
                storage.customers().insert(t, to);
                Relationship relationship = CrmGenerators.relationships(t, from.id(), to.id()).next(random);

                storage.relationships().insert(t, relationship);

                assertReadsBack(storage.relationships().find(t, relationship.id()), relationship);
                assertThat(storage.relationships().find(t, from.id(), relationship.type(), to.id()))
                        .contains(relationship);
                assertThat(storage.relationships().involving(t, from.id(), null, 10).items())
                        .containsExactly(relationship);
                assertThat(storage.relationships().involving(t, to.id(), null, 10).items())
                        .containsExactly(relationship);
            });
        }
    }

    @Nested
    @DisplayName("paging under concurrent inserts")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Paging {

        /** A random timeline query over a few instants: channels, direction and bounds, each maybe. */
        private TimelineQuery query(Random random, List<Instant> instants) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (random.nextBoolean()) {
                for (int i = random.nextInt(4); i >= 0; i--) {
                    channels.add(Channel.values()[random.nextInt(Channel.values().length)]);
                }
            }
            Direction direction = random.nextInt(3) == 0 ? Direction.values()[random.nextInt(2)] : null;
            Instant a = random.nextInt(3) == 0 ? instants.get(random.nextInt(instants.size())) : null;
            Instant b = random.nextInt(3) == 0 ? instants.get(random.nextInt(instants.size())) : null;
            Instant from = a != null && b != null ? (a.isBefore(b) ? a : b) : a;
            Instant until = a != null && b != null ? (a.isBefore(b) ? b : null) : b;
            if (from != null && until != null && !from.isBefore(until)) {
                until = null;
            }
            return new TimelineQuery(channels, direction, from, until);
        }

        @Test
        void paging_a_timeline_while_touchpoints_arrive_neither_skips_nor_repeats() {
            Tries.check(60, random -> {
                TenantId t = freshTenant();
                CustomerId customer = CrmGenerators.customerIds().next(random);
                storage.customers().insert(t, CrmGenerators.customers(t, customer).next(random));
                List<Instant> instants = CrmGenerators.instants().list(4, 4).next(random);
                Gen<TouchpointId> ids = unique(CrmGenerators.touchpointIds());
                Gen<Touchpoint> touchpoints = r -> CrmGenerators.touchpoint(r, t, ids.next(r), customer,
                        r.nextInt(4) == 0 ? CrmGenerators.instants().next(r) : instants.get(r.nextInt(4)), null);
                List<Touchpoint> initial = touchpoints.list(0, 30).next(random);
                storage.touchpoints().insertAll(t, initial);
                TimelineQuery query = query(random, instants);
                int pageSize = 1 + random.nextInt(7);

                List<Touchpoint> seen = new ArrayList<>();
                TimelinePosition after = null;
                for (int pages = 0; pages < 1000; pages++) {
                    Slice<Touchpoint> slice = storage.touchpoints().timeline(t, customer, query, after, pageSize);
                    assertThat(slice.items().size()).isLessThanOrEqualTo(pageSize);
                    seen.addAll(slice.items());
                    if (!slice.hasMore()) {
                        break;
                    }
                    Touchpoint last = slice.items().get(slice.items().size() - 1);
                    after = TimelinePosition.of(last);
                    List<Touchpoint> arriving = touchpoints.list(0, 3).next(random);
                    if (random.nextBoolean()) {   // one more at exactly the position's instant
                        arriving.add(CrmGenerators.touchpoint(random, t, ids.next(random), customer,
                                last.occurredAt(), null));
                    }
                    storage.touchpoints().insertAll(t, arriving);
                }

                assertThat(seen).extracting(Touchpoint::id).as("%s paged by %d", query, pageSize)
                        .doesNotHaveDuplicates();
                assertThat(seen).allMatch(query::matches, "matches " + query);
                assertThat(seen).isSortedAccordingTo(TenantModel.NEWEST_FIRST);
                assertThat(seen).extracting(Touchpoint::id).as("%s paged by %d", query, pageSize)
                        .containsAll(initial.stream().filter(query::matches).map(Touchpoint::id).toList());
            });
        }

        @Test
        void paging_a_customer_list_while_customers_arrive_neither_skips_nor_repeats() {
            Tries.check(60, random -> {
                TenantId t = freshTenant();
                Gen<Customer> customers = r -> {
                    Customer c = CrmGenerators.customers(t).next(r);
                    return c.toBuilder().tags(r.nextBoolean() ? Set.of("wanted") : c.tags()).build();
                };
                List<Customer> initial = distinctIds(customers.list(0, 20).next(random));
                initial.forEach(c -> storage.customers().insert(t, c));
                CustomerQuery query = new CustomerQuery(
                        random.nextInt(3) == 0 ? CustomerKind.values()[random.nextInt(2)] : null,
                        random.nextInt(4) == 0 ? LifecycleStage.values()[random.nextInt(8)] : null,
                        random.nextBoolean() ? "wanted" : null, random.nextBoolean());
                int pageSize = 1 + random.nextInt(5);
                Set<CustomerId> stored = new HashSet<>();
                initial.forEach(c -> stored.add(c.id()));

                List<Customer> seen = new ArrayList<>();
                CustomerId after = null;
                for (int pages = 0; pages < 1000; pages++) {
                    Slice<Customer> slice = storage.customers().list(t, query, after, pageSize);
                    assertThat(slice.items().size()).isLessThanOrEqualTo(pageSize);
                    seen.addAll(slice.items());
                    if (!slice.hasMore()) {
                        break;
                    }
                    after = slice.items().get(slice.items().size() - 1).id();
                    for (Customer arriving : customers.list(0, 3).next(random)) {
                        if (stored.add(arriving.id())) {
                            storage.customers().insert(t, arriving);
                        }
                    }
                }

                assertThat(seen).extracting(Customer::id).doesNotHaveDuplicates();
                assertThat(seen).allMatch(query::matches, "matches " + query);
                assertThat(seen).extracting(Customer::id).isSortedAccordingTo(Comparator.naturalOrder());
                assertThat(seen).as("%s paged by %d", query, pageSize)
                        .containsAll(initial.stream().filter(query::matches).toList());
            });
        }

        @Test
        void paging_a_timeline_by_cursor_through_the_public_api_while_recording_neither_skips_nor_repeats() {
            Tries.check(30, random -> {
                TenantScope scope = Crm.builder().storage(storage).build().tenant(freshTenant());
                Customer customer = scope.customers().register(CustomerRegistration.person("Paging", null).build());
                List<Instant> instants = CrmGenerators.instants().list(3, 3).next(random);
                Gen<NewTouchpoint> touchpoints = r -> {
                    Instant at = instants.get(r.nextInt(instants.size()));
                    return r.nextBoolean()
                            ? NewTouchpoint.builder(customer.id(), Channel.EMAIL, Direction.INBOUND, at).build()
                            : NewTouchpoint.builder(customer.id(), Channel.PURCHASE, Direction.INBOUND, at)
                                    .purchase(Money.of("1.00", "EUR"), null).build();
                };
                List<Touchpoint> initial = new ArrayList<>();
                for (NewTouchpoint touchpoint : touchpoints.list(0, 25).next(random)) {
                    initial.add(scope.touchpoints().record(touchpoint).touchpoint());
                }
                TimelineQuery query = random.nextBoolean() ? TimelineQuery.ALL : TimelineQuery.of(Channel.EMAIL);
                int pageSize = 1 + random.nextInt(6);

                List<Touchpoint> seen = new ArrayList<>();
                Page<Touchpoint> page = scope.touchpoints().timeline(customer.id(), query, PageRequest.first(pageSize));
                seen.addAll(page.items());
                for (int pages = 0; page.hasNext() && pages < 1000; pages++) {
                    scope.touchpoints().record(NewTouchpoint.builder(customer.id(), Channel.EMAIL, Direction.OUTBOUND,
                            instants.get(random.nextInt(instants.size()))).build());
                    page = scope.touchpoints().timeline(customer.id(), query, page.nextRequest().orElseThrow());
                    seen.addAll(page.items());
                }

                assertThat(seen).extracting(Touchpoint::id).doesNotHaveDuplicates();
                assertThat(seen).isSortedAccordingTo(TenantModel.NEWEST_FIRST);
                assertThat(seen).extracting(Touchpoint::id).containsAll(
                        initial.stream().filter(query::matches).map(Touchpoint::id).toList());
            });
        }

        private List<Customer> distinctIds(List<Customer> customers) {
            Set<CustomerId> ids = new HashSet<>();
            return customers.stream().filter(c -> ids.add(c.id())).toList();
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class TenantIsolation {

        @Test
        void after_random_writes_to_two_colliding_tenants_each_reads_exactly_its_own_data() {
            Tries.check(50, random -> {
                TenantModel a = new TenantModel(freshTenant());
                TenantModel b = new TenantModel(freshTenant());
                Pools pools = new Pools(random);
                Planner planner = new Planner(random, pools);

                int writes = 10 + random.nextInt(20);
                for (int i = 0; i < writes; i++) {
                    boolean first = random.nextBoolean();
                    TenantModel model = first ? a : b;
                    Command command = planner.plan(model, first ? b : a, true);
                    if (!command.refused() && random.nextInt(3) == 0) {
                        storage.inTransaction(model.tenant, tx -> {
                            command.run(storage);
                            return null;
                        });
                    } else {
                        command.run(storage);
                    }
                }

                Probes probes = probes(pools, a, b);
                a.assertHeldBy(storage, probes);
                b.assertHeldBy(storage, probes);
            });
        }
    }

    @Nested
    @DisplayName("random sequences of public API calls")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class PublicApiSequences {

        @Test
        void answer_and_publish_exactly_what_they_do_on_the_in_memory_reference_adapter() {
            Tries.check(5, random -> {
                TenantId t = freshTenant();
                long seed = random.nextLong();
                ApiSequence.Side tested = new ApiSequence.Side(storage, t, seed);
                ApiSequence.Side reference = new ApiSequence.Side(new InMemoryCrmStorage(), t, seed);
                ApiSequence sequence = new ApiSequence(random, reference);
                List<String> calls = new ArrayList<>();
                ApiSequence.Call call = sequence.installPipeline();
                for (int step = 0; step < 120; step++) {
                    calls.add(call.name());
                    Object expected = reference.run(call);
                    Object actual = tested.run(call);
                    assertThat(actual).as("call %d: %s (the calls before: %s)", step, call, calls)
                            .isEqualTo(expected);
                    sequence.learn(expected);
                    call = sequence.next();
                }
                assertThat(tested.events).as("the events published").isEqualTo(reference.events);
            });
        }
    }

    @Nested
    @DisplayName("rollback")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Rollback {

        @Test
        void a_unit_of_work_that_throws_after_random_writes_leaves_every_read_as_it_was() {
            Tries.check(50, random -> {
                TenantModel model = new TenantModel(freshTenant());
                TenantModel other = new TenantModel(freshTenant());
                Pools pools = new Pools(random);
                Planner planner = new Planner(random, pools);
                for (int i = random.nextInt(12); i > 0; i--) {
                    planner.plan(model, other, false).run(storage);
                }
                for (int i = random.nextInt(6); i > 0; i--) {
                    planner.plan(other, model, false).run(storage);
                }
                TenantModel planned = model.copy();
                List<Command> writes = new ArrayList<>();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    writes.add(planner.plan(planned, other, false));
                }
                Throwable failure = failure(random);

                assertThatThrownBy(() -> storage.inTransaction(model.tenant, tx -> {
                    writes.forEach(w -> w.run(storage));
                    throw Fixtures.sneakyThrow(failure);
                })).isSameAs(failure);

                Probes probes = probes(pools, model, planned, other);
                model.assertHeldBy(storage, probes);
                other.assertHeldBy(storage, probes);

                storage.inTransaction(model.tenant, tx -> {
                    writes.forEach(w -> w.run(storage));
                    return null;
                });
                planned.assertHeldBy(storage, probes);
            });
        }

        private Throwable failure(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> new IllegalStateException("the host's work failed");
                case 1 -> new ConcurrentModificationException("Customer", CrmGenerators.customerIds().next(random), 1);
                case 2 -> new AssertionError("an error, not an exception");
                default -> new IOException("a checked exception thrown past the compiler");
            };
        }
    }

    /** A generator that never makes a value twice (it draws again). */
    private static <T> Gen<T> unique(Gen<T> gen) {
        Set<T> made = new HashSet<>();
        return random -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                T value = gen.next(random);
                if (made.add(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the generator keeps making values it made before");
        };
    }

    private static Probes probes(Pools pools, TenantModel... models) {
        Probes probes = new Probes();
        probes.customers.addAll(pools.customerIds);
        probes.relationships.addAll(pools.relationshipIds);
        probes.emails.addAll(pools.emails);
        probes.phones.addAll(pools.phones);
        probes.cutoffs.addAll(pools.instants);
        for (TenantModel model : models) {
            probes.addAll(model);
        }
        probes.touchpoints.add(new TouchpointId(new java.util.UUID(0, 0)));
        return probes;
    }

}
