package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.purchase;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tenants")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TenantIsolationTest {

    static final TenantId A = TenantId.of("a");
    static final TenantId B = TenantId.of("b");

    final Fixture f = new Fixture();
    final TenantScope a = f.crm.tenant("a");
    final TenantScope b = f.crm.tenant("b");

    Customer sarah;
    Customer emma;
    Relationship sisters;
    Touchpoint order;
    StorageSnapshot before;

    @BeforeEach
    void tenantAHasData() {
        sarah = a.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("sarah@example.com").phone("07700 900123").tag("vip").build());
        emma = a.customers().register(CustomerRegistration.person("Emma", "Miller").build());
        sisters = a.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());
        order = a.touchpoints().record(touchpoint(sarah.id(), Channel.PURCHASE, f.daysAgo(200))
                .purchase(io.crmkit.shared.Money.of("10.00", "EUR"), "1").source("shop", "order-1").build())
                .touchpoint();
        a.touchpoints().record(email(sarah.id(), f.daysAgo(1)));
        before = StorageSnapshot.of(f.storage, A, B, TenantId.DEFAULT);
    }

    void notFoundInB(ThrowingCallable call) {
        thrown(NotFoundException.class, call);
        assertThat(StorageSnapshot.of(f.storage, A, B, TenantId.DEFAULT)).isEqualTo(before);
    }

    @Nested
    class Tenant_b {

        @Test
        void cannot_get_or_find_a_customer_of_tenant_a() {
            notFoundInB(() -> b.customers().get(sarah.id()));
            assertThat(b.customers().find(sarah.id())).isEmpty();
        }

        @Test
        void does_not_find_customers_of_tenant_a_by_e_mail_or_phone() {
            assertThat(b.customers().findByEmail("sarah@example.com")).isEmpty();
            assertThat(b.customers().findByPhone("07700 900123")).isEmpty();
            assertThat(b.customers().findByPhone("7700 900123", "GB")).isEmpty();
        }

        @Test
        void lists_no_customer_of_tenant_a() {
            assertThat(b.customers().list(PageRequest.first(100)).items()).isEmpty();
            assertThat(b.customers().list(CustomerQuery.ALL, PageRequest.first(100)).items()).isEmpty();
            assertThat(b.customers().list(CustomerQuery.tagged("vip"), PageRequest.first(100)).items()).isEmpty();
        }

        @Test
        void cannot_change_a_customer_of_tenant_a() {
            notFoundInB(() -> b.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("x").build()));
            notFoundInB(() -> b.customers().archive(sarah.id(), 1));
            notFoundInB(() -> b.customers().unarchive(sarah.id(), 1));
            notFoundInB(() -> b.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER));
            notFoundInB(() -> b.customers().resetLifecycle(sarah.id(), LifecycleStage.SUBSCRIBER, "why not"));
        }

        @Test
        void cannot_relate_see_or_remove_relationships_of_tenant_a() {
            Customer tom = b.customers().register(CustomerRegistration.person("Tom", null).build());
            before = StorageSnapshot.of(f.storage, A, B, TenantId.DEFAULT);

            notFoundInB(() -> b.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id()));
            notFoundInB(() -> b.customers().relate(tom.id(), RelationshipType.REFERRED_BY, sarah.id()));
            notFoundInB(() -> b.customers().relationships(sarah.id(), PageRequest.first(10)));
            notFoundInB(() -> b.customers().removeRelationship(sisters.id()));
            assertThat(a.customers().relationships(sarah.id(), PageRequest.first(10)).items()).hasSize(1);
        }

        @Test
        void cannot_record_touchpoints_for_a_customer_of_tenant_a() {
            notFoundInB(() -> b.touchpoints().record(email(sarah.id(), f.daysAgo(1))));
            notFoundInB(() -> b.touchpoints().recordAll(List.of(email(sarah.id(), f.daysAgo(1)))));
        }

        @Test
        void cannot_read_touchpoints_timeline_or_activity_of_tenant_a() {
            assertThat(b.touchpoints().find(order.id())).isEmpty();
            notFoundInB(() -> b.touchpoints().timeline(sarah.id(), PageRequest.first(10)));
            notFoundInB(() -> b.touchpoints().timeline(sarah.id(), TimelineQuery.of(Channel.PURCHASE),
                    PageRequest.first(10)));
            notFoundInB(() -> b.touchpoints().activity(sarah.id()));
            assertThat(b.touchpoints().lapsedBuyers(f.now(), PageRequest.first(10)).items()).isEmpty();
            assertThat(a.touchpoints().lapsedBuyers(f.now(), PageRequest.first(10)).items()).hasSize(1);
        }

        @Test
        void keeps_its_own_customers_with_the_same_e_mail_and_its_own_deliveries_of_the_same_source() {
            Customer otherSarah = b.customers().register(CustomerRegistration.person("Sarah", "Other")
                    .email("SARAH@example.com").build());

            RecordResult delivery = b.touchpoints().record(purchaseFromShop(otherSarah));

            assertThat(delivery.duplicate()).as("a delivery of tenant a does not make tenant b's a duplicate")
                    .isFalse();
            assertThat(b.customers().findByEmail("sarah@example.com")).containsExactly(otherSarah);
            assertThat(a.customers().findByEmail("sarah@example.com")).containsExactly(sarah);
            assertThat(a.touchpoints().record(purchaseFromShop(sarah)).duplicate()).isTrue();
        }

        io.crmkit.touchpoint.NewTouchpoint purchaseFromShop(Customer customer) {
            return touchpoint(customer.id(), Channel.PURCHASE, f.daysAgo(200))
                    .purchase(io.crmkit.shared.Money.of("10.00", "EUR"), "1").source("shop", "order-1").build();
        }
    }

    @Nested
    class The_default_tenant {

        @Test
        void is_what_crm_customers_and_crm_touchpoints_work_on() {
            Customer tom = f.customers().register(CustomerRegistration.person("Tom", null).build());
            f.touchpoints().record(purchase(tom.id(), Instant.parse("2025-01-01T00:00:00Z"), "1.00"));

            assertThat(tom.tenantId()).isEqualTo(TenantId.DEFAULT);
            assertThat(f.crm.tenant(TenantId.DEFAULT).customers().get(tom.id())).isEqualTo(tom);
            assertThat(f.crm.tenant("default").touchpoints().timeline(tom.id(), PageRequest.first(10)).items())
                    .hasSize(1);
            assertThat(f.crm.tenant(TenantId.DEFAULT).tenantId()).isEqualTo(TenantId.DEFAULT);
            thrown(NotFoundException.class, () -> a.customers().get(tom.id()));
        }

        @Test
        void does_not_see_the_customers_of_named_tenants() {
            thrown(NotFoundException.class, () -> f.customers().get(sarah.id()));
            assertThat(f.customers().findByEmail("sarah@example.com")).isEmpty();
            assertThat(f.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).isEmpty();
            thrown(NotFoundException.class, () -> f.touchpoints().timeline(sarah.id(), PageRequest.first(10)));
            assertThat(f.touchpoints().lapsedBuyers(f.now(), PageRequest.first(10)).items()).isEmpty();
        }
    }

    @Test
    void a_scope_knows_its_tenant_and_records_carry_it() {
        assertThat(a.tenantId()).isEqualTo(A);
        assertThat(sarah.tenantId()).isEqualTo(A);
        assertThat(order.tenantId()).isEqualTo(A);
        assertThat(sisters.tenantId()).isEqualTo(A);
        assertThat(f.crm.tenant(A).customers().get(sarah.id())).isEqualTo(sarah);
    }
}
