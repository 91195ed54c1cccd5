package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.RelationshipId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Relationships between customers")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RelationshipsTest {

    static final CustomerId UNKNOWN = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000003"));

    final Fixture f = new Fixture();
    final Customer sarah = f.person("Sarah", "Miller");
    final Customer emma = f.person("Emma", "Miller");
    final Customer tom = f.person("Tom", "Baker");
    final Customer luna = f.organisation("Café Luna");

    List<RelatedCustomer> sides(Customer customer) {
        return f.customers().relationships(customer.id(), PageRequest.first(100)).items();
    }

    @Nested
    class Relating_two_customers {

        @Test
        void with_a_paired_type_gives_each_side_its_own_label() {
            Relationship worksAt = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            assertThat(worksAt.from()).isEqualTo(tom.id());
            assertThat(worksAt.to()).isEqualTo(luna.id());
            assertThat(worksAt.type()).isEqualTo(RelationshipType.WORKS_AT);
            assertThat(worksAt.createdAt()).isEqualTo(f.now());
            assertThat(sides(tom)).containsExactly(new RelatedCustomer(worksAt.id(), tom.id(), "works at", luna.id()));
            assertThat(sides(luna)).containsExactly(new RelatedCustomer(worksAt.id(), luna.id(), "employs", tom.id()));
        }

        @Test
        void with_a_symmetric_type_gives_both_sides_the_same_label() {
            Relationship sisters = f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());

            assertThat(sides(sarah)).containsExactly(
                    new RelatedCustomer(sisters.id(), sarah.id(), "sister of", emma.id()));
            assertThat(sides(emma)).containsExactly(
                    new RelatedCustomer(sisters.id(), emma.id(), "sister of", sarah.id()));
        }

        @Test
        void with_a_type_of_the_host_uses_its_labels_lower_cased() {
            Relationship mentor = f.customers().relate(sarah.id(), RelationshipType.of("Mentor of", "Mentored by"),
                    tom.id());

            assertThat(sides(sarah)).extracting(RelatedCustomer::label).containsExactly("mentor of");
            assertThat(sides(tom)).extracting(RelatedCustomer::label).containsExactly("mentored by");
            assertThat(mentor.type()).isEqualTo(RelationshipType.of("mentor of", "mentored by"));
        }

        @Test
        void again_returns_the_existing_relationship() {
            Relationship first = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            Relationship again = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            assertThat(again).isEqualTo(first);
            assertThat(sides(tom)).hasSize(1);
            assertThat(f.events(RelationshipCreated.class)).hasSize(1);
        }

        @Test
        void again_from_the_other_side_with_the_inverse_type_returns_the_existing_relationship() {
            Relationship first = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            Relationship inverse = f.customers().relate(luna.id(), RelationshipType.WORKS_AT.inverse(), tom.id());

            assertThat(inverse).isEqualTo(first);
            assertThat(sides(luna)).hasSize(1);
            assertThat(f.events(RelationshipCreated.class)).hasSize(1);
        }

        @Test
        void again_the_other_way_round_with_a_symmetric_type_returns_the_existing_relationship() {
            Relationship first = f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());

            Relationship reversed = f.customers().relate(emma.id(), RelationshipType.SISTER_OF, sarah.id());

            assertThat(reversed).isEqualTo(first);
            assertThat(sides(emma)).hasSize(1);
            assertThat(f.events(RelationshipCreated.class)).hasSize(1);
        }

        @Test
        void with_another_type_creates_another_relationship() {
            Relationship sisters = f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, emma.id());
            Relationship referred = f.customers().relate(emma.id(), RelationshipType.REFERRED_BY, sarah.id());

            assertThat(referred.id()).isNotEqualTo(sisters.id());
            assertThat(sides(sarah)).extracting(RelatedCustomer::label).containsExactly("sister of", "referred");
        }

        @Test
        void with_itself_is_refused_and_stores_nothing() {
            assertThat(violationPaths(() -> f.customers().relate(sarah.id(), RelationshipType.SIBLING_OF,
                    sarah.id()))).containsExactly("to");
            assertThat(sides(sarah)).isEmpty();
        }

        @Test
        void with_an_unknown_customer_is_not_found_and_stores_nothing() {
            var thrown = thrown(NotFoundException.class,
                    () -> f.customers().relate(sarah.id(), RelationshipType.SISTER_OF, UNKNOWN));
            thrown(NotFoundException.class, () -> f.customers().relate(UNKNOWN, RelationshipType.SISTER_OF, sarah.id()));

            assertThat(thrown.recordType()).isEqualTo("Customer");
            assertThat(thrown.recordId()).isEqualTo(UNKNOWN.toString());
            assertThat(sides(sarah)).isEmpty();
            assertThat(f.events(RelationshipCreated.class)).isEmpty();
        }
    }

    @Nested
    class Removing_a_relationship {

        @Test
        void removes_both_sides() {
            Relationship worksAt = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            f.customers().removeRelationship(worksAt.id());

            assertThat(sides(tom)).isEmpty();
            assertThat(sides(luna)).isEmpty();
        }

        @Test
        void leaves_the_other_relationships_alone() {
            Relationship worksAt = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());
            Relationship sarahWorksAt = f.customers().relate(sarah.id(), RelationshipType.WORKS_AT, luna.id());

            f.customers().removeRelationship(worksAt.id());

            assertThat(sides(luna)).extracting(RelatedCustomer::relationshipId).containsExactly(sarahWorksAt.id());
        }

        @Test
        void that_does_not_exist_is_not_found() {
            Relationship worksAt = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());
            f.customers().removeRelationship(worksAt.id());

            var thrown = thrown(NotFoundException.class, () -> f.customers().removeRelationship(worksAt.id()));

            assertThat(thrown.recordType()).isEqualTo("Relationship");
            assertThat(thrown.recordId()).isEqualTo(worksAt.id().toString());
        }

        @Test
        void allows_relating_the_pair_again_as_a_new_relationship() {
            Relationship first = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());
            f.customers().removeRelationship(first.id());

            Relationship again = f.customers().relate(tom.id(), RelationshipType.WORKS_AT, luna.id());

            assertThat(again.id()).isNotEqualTo(first.id());
            assertThat(sides(luna)).extracting(RelatedCustomer::relationshipId).containsExactly(again.id());
        }
    }

    @Nested
    class Listing_relationships {

        @Test
        void pages_through_every_relationship_of_the_customer_once_in_relationship_id_order() {
            List<RelationshipId> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Customer other = f.person("Friend", "No. " + i);
                created.add(i % 2 == 0
                        ? f.customers().relate(sarah.id(), RelationshipType.REFERRED_BY, other.id()).id()
                        : f.customers().relate(other.id(), RelationshipType.REFERRED_BY, sarah.id()).id());
            }

            List<RelatedCustomer> walked = new ArrayList<>();
            PageRequest request = PageRequest.first(3);
            int pages = 0;
            while (request != null) {
                Page<RelatedCustomer> page = f.customers().relationships(sarah.id(), request);
                walked.addAll(page.items());
                request = page.nextRequest().orElse(null);
                pages++;
            }

            assertThat(pages).isEqualTo(3);
            assertThat(walked).extracting(RelatedCustomer::relationshipId).containsExactlyElementsOf(created);
            assertThat(walked).extracting(RelatedCustomer::relationshipId)
                    .isSortedAccordingTo((a, b) -> Ids.compare(a.value(), b.value()));
            assertThat(walked).allSatisfy(side -> assertThat(side.customer()).isEqualTo(sarah.id()));
            assertThat(walked).extracting(RelatedCustomer::label)
                    .containsExactly("referred by", "referred", "referred by", "referred", "referred by", "referred",
                            "referred by");
        }

        @Test
        void of_an_unknown_customer_is_not_found() {
            thrown(NotFoundException.class, () -> f.customers().relationships(UNKNOWN, PageRequest.first(10)));
        }
    }
}
