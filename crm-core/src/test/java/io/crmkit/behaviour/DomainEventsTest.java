package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.CustomerUnarchived;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipRemoved;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Domain events")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DomainEventsTest {

    static final CustomerId UNKNOWN = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000007"));

    final Fixture f = new Fixture();

    <E extends DomainEvent> E only(Class<E> type) {
        List<E> events = f.events(type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    void assertCommon(DomainEvent event, TenantId tenant, Object aggregateId) {
        assertThat(event.eventId()).isNotNull();
        assertThat(event.tenantId()).isEqualTo(tenant);
        assertThat(event.aggregateId()).isEqualTo(aggregateId);
        assertThat(event.occurredAt()).isEqualTo(f.now());
    }

    @Nested
    class Every_change_publishes_its_event {

        @Test
        void CustomerRegistered() {
            f.clock.advance(Duration.ofSeconds(1));
            Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
                    .lifecycleStage(LifecycleStage.SUBSCRIBER).build());

            CustomerRegistered event = only(CustomerRegistered.class);
            assertCommon(event, TenantId.DEFAULT, sarah.id());
            assertThat(event.customerId()).isEqualTo(sarah.id());
            assertThat(event.kind()).isEqualTo(CustomerKind.PERSON);
            assertThat(event.lifecycleStage()).isEqualTo(LifecycleStage.SUBSCRIBER);
        }

        @Test
        void CustomerUpdated() {
            Customer sarah = f.person("Sarah", null);
            f.clock.advance(Duration.ofSeconds(1));
            f.customers().update(sarah.id(), 1, CustomerPatch.builder().jobTitle("Buyer").build());

            CustomerUpdated event = only(CustomerUpdated.class);
            assertCommon(event, TenantId.DEFAULT, sarah.id());
            assertThat(event.version()).isEqualTo(2);
        }

        @Test
        void CustomerArchived_and_CustomerUnarchived() {
            Customer sarah = f.person("Sarah", null);
            f.clock.advance(Duration.ofSeconds(1));
            f.customers().archive(sarah.id(), 1);
            assertCommon(only(CustomerArchived.class), TenantId.DEFAULT, sarah.id());

            f.clock.advance(Duration.ofSeconds(1));
            f.customers().unarchive(sarah.id(), 2);
            assertCommon(only(CustomerUnarchived.class), TenantId.DEFAULT, sarah.id());
        }

        @Test
        void LifecycleStageChanged_forward() {
            Customer sarah = f.person("Sarah", null);
            f.clock.advance(Duration.ofSeconds(1));
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.OPPORTUNITY);

            LifecycleStageChanged event = only(LifecycleStageChanged.class);
            assertCommon(event, TenantId.DEFAULT, sarah.id());
            assertThat(event.from()).isEqualTo(LifecycleStage.LEAD);
            assertThat(event.to()).isEqualTo(LifecycleStage.OPPORTUNITY);
            assertThat(event.reset()).isFalse();
            assertThat(event.reason()).isNull();
        }

        @Test
        void LifecycleStageChanged_by_reset_with_its_reason() {
            Customer sarah = f.person("Sarah", null);
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER);
            f.events.clear();
            f.clock.advance(Duration.ofSeconds(1));
            f.customers().resetLifecycle(sarah.id(), LifecycleStage.LEAD, "refunded and cancelled");

            LifecycleStageChanged event = only(LifecycleStageChanged.class);
            assertCommon(event, TenantId.DEFAULT, sarah.id());
            assertThat(event.from()).isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(event.to()).isEqualTo(LifecycleStage.LEAD);
            assertThat(event.reset()).isTrue();
            assertThat(event.reason()).isEqualTo("refunded and cancelled");
        }

        @Test
        void RelationshipCreated_and_RelationshipRemoved() {
            Customer tom = f.person("Tom", null);
            Customer luna = f.organisation("Luna");
            f.clock.advance(Duration.ofSeconds(1));
            Relationship worksAt = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            RelationshipCreated created = only(RelationshipCreated.class);
            assertCommon(created, TenantId.DEFAULT, worksAt.id());
            assertThat(created.relationshipId()).isEqualTo(worksAt.id());
            assertThat(created.from()).isEqualTo(tom.id());
            assertThat(created.type()).isEqualTo(RelationshipType.WORKS_AT);
            assertThat(created.to()).isEqualTo(luna.id());

            f.clock.advance(Duration.ofSeconds(1));
            f.customers().removeRelationship(worksAt.id());

            RelationshipRemoved removed = only(RelationshipRemoved.class);
            assertCommon(removed, TenantId.DEFAULT, worksAt.id());
            assertThat(removed.from()).isEqualTo(tom.id());
            assertThat(removed.type()).isEqualTo(RelationshipType.WORKS_AT);
            assertThat(removed.to()).isEqualTo(luna.id());
        }

        @Test
        void TouchpointRecorded_but_not_for_a_duplicate_delivery() {
            Customer sarah = f.person("Sarah", null);
            f.clock.advance(Duration.ofSeconds(1));
            NewTouchpoint call = NewTouchpoint.builder(sarah.id(), Channel.CALL, Direction.OUTBOUND, f.daysAgo(2))
                    .source("phone", "1").build();
            Touchpoint t = f.touchpoints().record(call).touchpoint();
            f.touchpoints().record(call);
            f.touchpoints().recordAll(List.of(call, call));

            TouchpointRecorded event = only(TouchpointRecorded.class);
            assertCommon(event, TenantId.DEFAULT, t.id());
            assertThat(event.touchpointId()).isEqualTo(t.id());
            assertThat(event.customerId()).isEqualTo(sarah.id());
            assertThat(event.channel()).isEqualTo(Channel.CALL);
            assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(event.touchpointOccurredAt()).isEqualTo(f.daysAgo(2));
        }

        @Test
        void TouchpointRecorded_once_per_new_element_of_a_batch_in_batch_order() {
            Customer sarah = f.person("Sarah", null);
            f.events.clear();

            var results = f.touchpoints().recordAll(List.of(email(sarah.id(), f.daysAgo(3)),
                    email(sarah.id(), f.daysAgo(1)), email(sarah.id(), f.daysAgo(2))));

            assertThat(f.events(TouchpointRecorded.class)).extracting(TouchpointRecorded::touchpointId)
                    .containsExactlyElementsOf(results.results().stream().map(r -> r.touchpoint().id()).toList());
        }

        @Test
        void with_the_tenant_of_the_scope() {
            Customer sarah = f.crm.tenant("shop-7").customers().register(CustomerRegistration.person("S", null)
                    .build());

            assertCommon(only(CustomerRegistered.class), TenantId.of("shop-7"), sarah.id());
        }

        @Test
        void with_an_id_of_its_own() {
            Customer sarah = f.person("Sarah", null);
            Customer emma = f.person("Emma", null);
            f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER);
            f.touchpoints().record(email(sarah.id(), f.daysAgo(1)));

            assertThat(f.events).hasSize(5);
            assertThat(f.events).extracting(DomainEvent::eventId).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Delivery {

        final AtomicReference<Crm> crm = new AtomicReference<>();
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Test
        void happens_after_the_unit_of_work_committed_so_a_listener_reads_the_change() {
            Fixture reading = new Fixture(b -> b.listener(event -> {
                if (event instanceof CustomerRegistered registered) {
                    seen.add("registered " + crm.get().customers().find(registered.customerId()).isPresent());
                } else if (event instanceof CustomerUpdated updated) {
                    seen.add("version " + crm.get().customers().get(updated.customerId()).version());
                } else if (event instanceof TouchpointRecorded recorded) {
                    seen.add("timeline " + crm.get().touchpoints().timeline(recorded.customerId(),
                            PageRequest.first(100)).size());
                }
            }));
            crm.set(reading.crm);

            Customer sarah = reading.person("Sarah", null);
            reading.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("x").build());
            reading.touchpoints().recordAll(List.of(email(sarah.id(), f.daysAgo(1)), email(sarah.id(), f.daysAgo(2)),
                    email(sarah.id(), f.daysAgo(3))));

            assertThat(seen).containsExactly("registered true", "version 2", "timeline 3", "timeline 3",
                    "timeline 3");
        }

        @Test
        void happens_outside_the_unit_of_work_so_a_listener_may_write_to_another_tenant() {
            Fixture auditing = new Fixture(b -> b.listener(CustomerRegistered.class, registered -> {
                if (registered.tenantId().equals(TenantId.DEFAULT)) {
                    crm.get().tenant("audit").customers().register(CustomerRegistration.organisation("Audit of "
                            + registered.customerId()).build());
                }
            }));
            crm.set(auditing.crm);

            Customer sarah = auditing.person("Sarah", null);

            assertThat(auditing.crm.tenant("audit").customers().list(PageRequest.first(10)).items())
                    .extracting(Customer::displayName).containsExactly("Audit of " + sarah.id());
        }

        @Test
        void never_happens_for_a_unit_of_work_that_failed() {
            Customer sarah = f.person("Sarah", null);
            f.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("x").build());
            f.events.clear();

            thrown(NotFoundException.class, () -> f.touchpoints().recordAll(List.of(email(sarah.id(), f.daysAgo(1)),
                    email(UNKNOWN, f.daysAgo(1)))));
            thrown(ConcurrentModificationException.class,
                    () -> f.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("y").build()));
            thrown(io.crmkit.shared.InvalidInputException.class,
                    () -> f.customers().update(sarah.id(), 2, CustomerPatch.builder().removeTag("nope").build()));
            thrown(io.crmkit.shared.InvalidInputException.class, () -> f.touchpoints().record(
                    touchpoint(sarah.id(), Channel.PURCHASE, f.daysAgo(1)).build()));

            assertThat(f.events).isEmpty();
            assertThat(f.touchpoints().timeline(sarah.id(), PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        void never_happens_for_a_call_that_changed_nothing() {
            Customer sarah = f.person("Sarah", null);
            Customer emma = f.person("Emma", null);
            f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER);
            f.events.clear();

            f.customers().relate(emma.id(), RelationshipType.SISTER_OF, sarah.id());
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER);
            f.customers().advanceLifecycle(sarah.id(), LifecycleStage.LEAD);

            assertThat(f.events).isEmpty();
        }

        @Test
        void survives_a_throwing_listener_without_breaking_the_caller_or_the_other_listeners() {
            List<DomainEvent> before = new ArrayList<>();
            List<DomainEvent> after = new ArrayList<>();
            Crm crm = Fixture.builder(f.storage, f.clock, 3)
                    .listener(before::add)
                    .listener(event -> {
                        throw new IllegalStateException("a listener that fails on purpose (expected in this test)");
                    })
                    .listener(after::add)
                    .build();

            Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", null).build());
            crm.customers().archive(sarah.id(), 1);

            assertThat(crm.customers().get(sarah.id()).isArchived()).isTrue();
            assertThat(before).hasSize(2);
            assertThat(after).isEqualTo(before);
        }

        @Test
        void to_a_typed_listener_only_of_its_type() {
            List<CustomerArchived> archived = new ArrayList<>();
            Crm crm = Fixture.builder(f.storage, f.clock, 4).listener(CustomerArchived.class, archived::add).build();

            Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", null).build());
            crm.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("x").build());
            crm.customers().archive(sarah.id(), 2);

            assertThat(archived).extracting(CustomerArchived::customerId).containsExactly(sarah.id());
        }

        @Test
        void to_every_listener_in_the_order_they_were_added() {
            List<String> calls = new ArrayList<>();
            Crm crm = Fixture.builder(f.storage, f.clock, 5)
                    .listener(e -> calls.add("first " + e.getClass().getSimpleName()))
                    .listener(CustomerRegistered.class, e -> calls.add("second"))
                    .build();

            crm.customers().register(CustomerRegistration.person("Sarah", null).build());

            assertThat(calls).containsExactly("first CustomerRegistered", "second");
        }
    }
}
