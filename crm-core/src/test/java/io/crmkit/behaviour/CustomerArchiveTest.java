package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerUnarchived;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.PageRequest;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Archiving customers")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerArchiveTest {

    final Fixture f = new Fixture();
    final Customer sarah = f.person("Sarah", "Miller");
    final Customer emma = f.person("Emma", "Miller");

    @Test
    void archives_at_the_next_version_and_keeps_the_customer_findable() {
        f.clock.advance(Duration.ofMinutes(5));

        Customer archived = f.customers().archive(sarah.id(), 1);

        assertThat(archived.version()).isEqualTo(2);
        assertThat(archived.isArchived()).isTrue();
        assertThat(archived.archivedAt()).isEqualTo(f.now());
        assertThat(archived.updatedAt()).isEqualTo(f.now());
        assertThat(f.customers().get(sarah.id())).isEqualTo(archived);
        assertThat(f.events(CustomerArchived.class)).extracting(CustomerArchived::customerId)
                .containsExactly(sarah.id());
    }

    @Test
    void unarchives_at_the_next_version_and_allows_changes_again() {
        Customer archived = f.customers().archive(sarah.id(), 1);

        Customer active = f.customers().unarchive(sarah.id(), archived.version());
        Customer changed = f.customers().update(sarah.id(), active.version(),
                CustomerPatch.builder().addTag("back").build());

        assertThat(active.version()).isEqualTo(3);
        assertThat(active.isArchived()).isFalse();
        assertThat(active.archivedAt()).isNull();
        assertThat(changed.tags()).containsExactly("back");
        assertThat(f.events(CustomerUnarchived.class)).extracting(CustomerUnarchived::customerId)
                .containsExactly(sarah.id());
    }

    @Test
    void with_a_stale_version_is_refused_and_changes_nothing() {
        Customer v2 = f.customers().update(sarah.id(), 1, CustomerPatch.builder().addTag("x").build());

        thrown(ConcurrentModificationException.class, () -> f.customers().archive(sarah.id(), 1));

        assertThat(f.customers().get(sarah.id())).isEqualTo(v2);
        assertThat(f.events(CustomerArchived.class)).isEmpty();
    }

    @Test
    void unarchiving_an_active_customer_is_an_illegal_transition() {
        var thrown = thrown(IllegalTransitionException.class, () -> f.customers().unarchive(sarah.id(), 1));

        assertThat(thrown.recordType()).isEqualTo("Customer");
        assertThat(thrown.recordId()).isEqualTo(sarah.id().toString());
        assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
    }

    @Nested
    class An_archived_customer {

        Customer archived;

        void archive() {
            archived = f.customers().archive(sarah.id(), 1);
            f.events.clear();
        }

        void refused(ThrowingCallable call) {
            archive();
            var thrown = thrown(IllegalTransitionException.class, call);
            assertThat(thrown.recordId()).isEqualTo(sarah.id().toString());
            assertThat(f.customers().get(sarah.id())).isEqualTo(archived);
            assertThat(f.events).isEmpty();
        }

        @Test
        void cannot_be_updated() {
            refused(() -> f.customers().update(sarah.id(), 2, CustomerPatch.builder().addTag("x").build()));
        }

        @Test
        void cannot_be_archived_again() {
            refused(() -> f.customers().archive(sarah.id(), 2));
        }

        @Test
        void cannot_be_related_from_either_side() {
            refused(() -> f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id()));
            thrown(IllegalTransitionException.class,
                    () -> f.customers().relate(emma.id(), RelationshipType.SISTER_OF, sarah.id()));
            assertThat(f.customers().relationships(emma.id(), PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        void cannot_move_its_lifecycle_stage_forward() {
            refused(() -> f.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER));
        }

        @Test
        void cannot_have_its_lifecycle_stage_reset() {
            refused(() -> f.customers().resetLifecycle(sarah.id(), LifecycleStage.SUBSCRIBER, "imported twice"));
        }

        @Test
        void keeps_its_relationships() {
            var relationship = f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());
            archive();

            assertThat(f.customers().relationships(sarah.id(), PageRequest.first(10)).items())
                    .extracting(r -> r.relationshipId()).containsExactly(relationship.id());
        }
    }
}
