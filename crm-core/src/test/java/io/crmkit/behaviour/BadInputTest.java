package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.DomainEventListener;
import io.crmkit.shared.Money;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.Touchpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every public method of Customers, Touchpoints, Crm.Builder and Crm.tenant refuses null and invalid arguments
 * with an InvalidInputException naming each problem's path: never a NullPointerException, and nothing is stored.
 */
@DisplayName("Bad input to the public API")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {

    static final PageRequest PAGE = PageRequest.first(10);

    final Fixture f = new Fixture();
    final Customer sarah = f.customers().register(CustomerRegistration.person("Sarah", null)
            .email("sarah@example.com").build());
    final Customer emma = f.person("Emma", null);
    final Touchpoint mail = f.touchpoints().record(email(sarah.id(), f.daysAgo(1))).touchpoint();
    final StorageSnapshot before = StorageSnapshot.of(f.storage, TenantId.DEFAULT);
    final int eventsBefore = f.events.size();

    /**
     * Asserts that {@code call} is refused with exactly these paths (a path may carry several messages), and that
     * nothing was stored or published.
     */
    void refused(ThrowingCallable call, String... paths) {
        assertThat(violationPaths(call).stream().distinct()).containsExactly(paths);
        assertThat(StorageSnapshot.of(f.storage, TenantId.DEFAULT)).isEqualTo(before);
        assertThat(f.events).hasSize(eventsBefore);
    }

    @Nested
    class Customers_methods {

        @Test
        void register() {
            refused(() -> f.customers().register(null), "registration");
            refused(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .lifecycleStage(null).email((String) null).phone((String) null).build()),
                    "emails[0].address", "lifecycleStage", "phones[0].number");
            refused(() -> f.customers().register(CustomerRegistration.person("Sam", null)
                    .email((io.crmkit.customer.EmailInput) null).address(null).importantDate(null)
                    .attribute("ok", null).tag(null).build()),
                    "addresses[0]", "attributes[ok]", "emails[0]", "importantDates[0]", "tags");
        }

        @Test
        void update() {
            CustomerPatch patch = CustomerPatch.builder().addTag("x").build();

            refused(() -> f.customers().update(null, 1, patch), "customerId");
            refused(() -> f.customers().update(sarah.id(), 1, null), "patch");
            refused(() -> f.customers().update(sarah.id(), 0, patch), "expectedVersion");
            refused(() -> f.customers().update(null, -1, null), "customerId", "expectedVersion", "patch");
        }

        @Test
        void find_and_get() {
            refused(() -> f.customers().find(null), "customerId");
            refused(() -> f.customers().get(null), "customerId");
        }

        @Test
        void findByEmail() {
            refused(() -> f.customers().findByEmail(null), "email");
            refused(() -> f.customers().findByEmail("  "), "email");
            refused(() -> f.customers().findByEmail("sarah@localhost"), "email");
        }

        @Test
        void findByPhone() {
            refused(() -> f.customers().findByPhone(null), "phone");
            refused(() -> f.customers().findByPhone(null, "GB"), "phone");
            refused(() -> f.customers().findByPhone("not a number"), "phone");
            refused(() -> f.customers().findByPhone("07700 900123", "XX"), "region");
        }

        @Test
        void list() {
            refused(() -> f.customers().list(null, PAGE), "query");
            refused(() -> f.customers().list(CustomerQuery.ALL, null), "page");
            refused(() -> f.customers().list(null), "page");
        }

        @Test
        void archive_and_unarchive() {
            refused(() -> f.customers().archive(null, 1), "customerId");
            refused(() -> f.customers().archive(sarah.id(), 0), "expectedVersion");
            refused(() -> f.customers().unarchive(null, 0), "customerId", "expectedVersion");
        }

        @Test
        void advanceLifecycle() {
            refused(() -> f.customers().advanceLifecycle(null, LifecycleStage.CUSTOMER), "customerId");
            refused(() -> f.customers().advanceLifecycle(sarah.id(), null), "target");
            refused(() -> f.customers().advanceLifecycle(null, null), "customerId", "target");
        }

        @Test
        void resetLifecycle() {
            refused(() -> f.customers().resetLifecycle(null, LifecycleStage.LEAD, "why"), "customerId");
            refused(() -> f.customers().resetLifecycle(sarah.id(), null, null), "reason", "target");
            refused(() -> f.customers().resetLifecycle(sarah.id(), LifecycleStage.LEAD, "x".repeat(501)), "reason");
        }

        @Test
        void relate() {
            refused(() -> f.customers().relate(null, null, null), "from", "to", "type");
            refused(() -> f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, sarah.id()), "to");
        }

        @Test
        void removeRelationship() {
            refused(() -> f.customers().removeRelationship(null), "relationshipId");
        }

        @Test
        void relationships() {
            refused(() -> f.customers().relationships(null, PAGE), "customerId");
            refused(() -> f.customers().relationships(sarah.id(), null), "page");
        }
    }

    @Nested
    class Touchpoints_methods {

        @Test
        void record() {
            refused(() -> f.touchpoints().record(null), "touchpoint");
            refused(() -> f.touchpoints().record(NewTouchpoint.builder(null, null, null, null).build()),
                    "channel", "customerId", "direction", "occurredAt");
            refused(() -> f.touchpoints().record(touchpoint(sarah.id(), Channel.PURCHASE,
                            Instant.parse("1800-01-01T00:00:00Z"))
                    .purchase(Money.of("1.00", "EUR"), "")
                    .subject("x".repeat(Touchpoint.MAX_SUBJECT_LENGTH + 1))
                    .attribute("1st", AttributeValue.text("x"))
                    .attribute("ok", null)
                    .build()),
                    "attributes[1st]", "attributes[ok]", "orderReference", "subject");
            refused(() -> f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL,
                    Instant.parse("1800-01-01T00:00:00Z")).build()), "occurredAt");
        }

        @Test
        void recordAll() {
            refused(() -> f.touchpoints().recordAll(null), "touchpoints");
            refused(() -> f.touchpoints().recordAll(Arrays.asList(email(sarah.id(), f.daysAgo(1)), null)), "[1]");
            refused(() -> f.touchpoints().recordAll(List.of(
                    email(sarah.id(), f.daysAgo(1)),
                    NewTouchpoint.builder(sarah.id(), null, Direction.INBOUND, null).build())),
                    "[1].channel", "[1].occurredAt");
            List<NewTouchpoint> tooMany = Collections.nCopies(Touchpoints.MAX_BATCH_SIZE + 1,
                    email(sarah.id(), f.daysAgo(1)));
            refused(() -> f.touchpoints().recordAll(tooMany), "touchpoints");
        }

        @Test
        void find() {
            refused(() -> f.touchpoints().find((TouchpointId) null), "touchpointId");
        }

        @Test
        void timeline() {
            refused(() -> f.touchpoints().timeline(null, PAGE), "customerId");
            refused(() -> f.touchpoints().timeline(null, TimelineQuery.ALL, PAGE), "customerId");
            refused(() -> f.touchpoints().timeline(sarah.id(), null, PAGE), "query");
            refused(() -> f.touchpoints().timeline(sarah.id(), TimelineQuery.ALL, null), "page");
            refused(() -> f.touchpoints().timeline(sarah.id(), null), "page");
        }

        @Test
        void activity() {
            refused(() -> f.touchpoints().activity(null), "customerId");
        }

        @Test
        void lapsedBuyers() {
            refused(() -> f.touchpoints().lapsedBuyers(null, PAGE), "cutoff");
            refused(() -> f.touchpoints().lapsedBuyers(f.now(), null), "page");
        }
    }

    @Nested
    class The_builder_of_Crm {

        Crm.Builder builder() {
            return Crm.builder();
        }

        @Test
        void refuses_null_for_every_setting() {
            assertThat(violationPaths(() -> builder().storage(null))).containsExactly("storage");
            assertThat(violationPaths(() -> builder().clock(null))).containsExactly("clock");
            assertThat(violationPaths(() -> builder().idGenerator(null))).containsExactly("idGenerator");
            assertThat(violationPaths(() -> builder().listener((DomainEventListener) null)))
                    .containsExactly("listener");
            assertThat(violationPaths(() -> builder().listener(null, (Consumer<CustomerArchived>) e -> { })))
                    .containsExactly("type");
            assertThat(violationPaths(() -> builder().listener(CustomerArchived.class, null)))
                    .containsExactly("listener");
            assertThat(violationPaths(() -> builder().cursorSecret(null))).containsExactly("cursorSecret");
        }

        @Test
        void refuses_a_region_libphonenumber_does_not_know_and_accepts_any_case_or_none() {
            assertThat(violationPaths(() -> builder().defaultRegion("XX"))).containsExactly("defaultRegion");
            assertThat(violationPaths(() -> builder().defaultRegion(""))).containsExactly("defaultRegion");

            Crm lowerCase = Fixture.builder(new InMemoryCrmStorage(), f.clock, 1).defaultRegion("de").build();
            assertThat(lowerCase.customers().register(CustomerRegistration.person("Jonas", null)
                    .phone("030 901820").build()).primaryPhone().orElseThrow().e164()).isEqualTo("+4930901820");
            Crm none = Fixture.builder(new InMemoryCrmStorage(), f.clock, 1).defaultRegion(null).build();
            assertThat(violationPaths(() -> none.customers().findByPhone("07700 900123"))).containsExactly("phone");
        }

        @Test
        void refuses_a_cursor_secret_shorter_than_16_bytes() {
            assertThat(violationPaths(() -> builder().cursorSecret(new byte[15]))).containsExactly("cursorSecret");
        }

        @Test
        void keeps_its_own_copy_of_the_cursor_secret() {
            byte[] secret = "sixteen bytes or more".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            InMemoryCrmStorage storage = new InMemoryCrmStorage();
            Crm first = Fixture.builder(storage, f.clock, 1).cursorSecret(secret).build();
            Crm second = Fixture.builder(storage, f.clock, 2).cursorSecret(secret.clone()).build();
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                customers.add(first.customers().register(CustomerRegistration.person("P" + i, null).build()));
            }
            Arrays.fill(secret, (byte) 0);

            String cursor = first.customers().list(PageRequest.first(1)).nextCursor().orElseThrow();

            assertThat(second.customers().list(PageRequest.after(cursor, 5)).items())
                    .containsExactlyElementsOf(customers.subList(1, 3));
        }

        @Test
        void without_storage_cannot_build() {
            assertThat(thrown(IllegalStateException.class, () -> builder().build()))
                    .hasMessageContaining("storage");
        }
    }

    @Nested
    class Crm_tenant {

        @Test
        void refuses_a_null_or_malformed_tenant() {
            assertThat(violationPaths(() -> f.crm.tenant((TenantId) null))).containsExactly("tenantId");
            assertThat(violationPaths(() -> f.crm.tenant((String) null))).containsExactly("tenantId");
            assertThat(violationPaths(() -> f.crm.tenant(""))).containsExactly("tenantId");
            assertThat(violationPaths(() -> f.crm.tenant("shop 7"))).containsExactly("tenantId");
            assertThat(violationPaths(() -> f.crm.tenant("x".repeat(65)))).containsExactly("tenantId");
            assertThat(violationPaths(() -> f.crm.tenant("-shop"))).containsExactly("tenantId");
        }
    }
}
