package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RelationshipStore}: a relationship round-trips with every value (both labels of its
 * type, both ends, its creation instant to the microsecond); it is stored once and read from both ends, ordered by
 * relationship id as unsigned numbers and paged by keyset; it is found by (from, type, to) in exactly that direction
 * and with exactly that type; deleting it removes it from every read and says whether it existed.
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcRelationshipStoreContractTest extends RelationshipStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * Before it writes a relationship, the kit stores the customers at both ends in the same tenant, so an adapter may
 * enforce that they exist (with a foreign key, say) or not; see {@link AbstractStorageContract} for the life cycle
 * of the storage and the tenants.
 */
@DisplayName("RelationshipStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class RelationshipStoreContract extends AbstractStorageContract {

    private CustomerId sarah;
    private CustomerId emma;
    private CustomerId cafe;

    /** For subclasses. */
    protected RelationshipStoreContract() {
    }

    private RelationshipStore relationships() {
        return storage.relationships();
    }

    /**
     * Three customers stored in the tenant, so that adapters which do check that both ends exist (with a foreign
     * key, say) pass too.
     */
    @BeforeEach
    final void storeCustomers() {
        sarah = Fixtures.customerId();
        emma = Fixtures.customerId();
        cafe = Fixtures.customerId();
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, sarah, "Sarah"));
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, emma, "Emma"));
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, cafe, "Café Luna"));
    }

    private Relationship insert(CustomerId from, RelationshipType type, CustomerId to) {
        Relationship relationship = Fixtures.relationship(tenant, from, type, to);
        relationships().insert(tenant, relationship);
        return relationship;
    }

    @Nested
    @DisplayName("round trip")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_relationship_reads_back_with_every_value() {
            Relationship worksAt = insert(sarah, RelationshipType.of("Works At", "Employs"), cafe);

            assertReadsBack(relationships().find(tenant, worksAt.id()), worksAt);
            assertThat(relationships().find(tenant, worksAt.id()).orElseThrow().type().inverseLabel())
                    .isEqualTo("employs");
        }

        @Test
        void labels_with_unicode_and_maximal_length_read_back_whole() {
            RelationshipType type = RelationshipType.of("ß".repeat(60), "schwester von 👭");
            Relationship relationship = insert(sarah, type, emma);

            assertReadsBack(relationships().find(tenant, relationship.id()), relationship);
        }

        @Test
        void a_stored_creation_instant_has_at_most_microsecond_precision_like_every_stored_instant() {
            Relationship fine = new Relationship(Fixtures.relationshipId(), tenant, sarah, RelationshipType.SISTER_OF,
                    emma, Instant.parse("2026-03-01T09:30:00.123456789Z"));

            relationships().insert(tenant, fine);

            Relationship found = relationships().find(tenant, fine.id()).orElseThrow();
            assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00.123456Z"));
            assertReadsBack(relationships().find(tenant, fine.id()), fine);
        }

        @Test
        void an_unknown_id_is_not_found() {
            insert(sarah, RelationshipType.SISTER_OF, emma);

            assertThat(relationships().find(tenant, Fixtures.relationshipId())).isEmpty();
        }
    }

    @Nested
    @DisplayName("finding by ends and type")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class FindingByEndsAndType {

        @Test
        void it_is_found_from_its_first_end_in_exactly_its_direction() {
            Relationship worksAt = insert(sarah, RelationshipType.WORKS_AT, cafe);

            assertThat(relationships().find(tenant, sarah, RelationshipType.WORKS_AT, cafe))
                    .contains(worksAt);
            assertThat(relationships().find(tenant, cafe, RelationshipType.WORKS_AT, sarah))
                    .as("the other direction").isEmpty();
            assertThat(relationships().find(tenant, cafe, RelationshipType.WORKS_AT.inverse(), sarah))
                    .as("the inverse type is another type").isEmpty();
        }

        @Test
        void a_type_is_both_of_its_labels() {
            insert(sarah, RelationshipType.WORKS_AT, cafe);

            assertThat(relationships().find(tenant, sarah, RelationshipType.of("works at", "hires"), cafe))
                    .as("same label, other inverse label").isEmpty();
            assertThat(relationships().find(tenant, sarah, RelationshipType.symmetric("works at"), cafe))
                    .isEmpty();
            assertThat(relationships().find(tenant, sarah, RelationshipType.WORKS_AT, emma))
                    .as("another customer at the other end").isEmpty();
        }

        @Test
        void several_relationships_between_the_same_customers_are_told_apart_by_type() {
            Relationship sisters = insert(sarah, RelationshipType.SISTER_OF, emma);
            Relationship referred = insert(emma, RelationshipType.REFERRED_BY, sarah);
            Relationship partners = insert(sarah, RelationshipType.PARTNER_OF, emma);

            assertThat(relationships().find(tenant, sarah, RelationshipType.SISTER_OF, emma)).contains(sisters);
            assertThat(relationships().find(tenant, emma, RelationshipType.REFERRED_BY, sarah)).contains(referred);
            assertThat(relationships().find(tenant, sarah, RelationshipType.PARTNER_OF, emma)).contains(partners);
        }
    }

    @Nested
    @DisplayName("reading from both ends")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Involving {

        @Test
        void a_relationship_is_seen_from_both_ends_and_from_nobody_else() {
            Relationship worksAt = insert(sarah, RelationshipType.WORKS_AT, cafe);

            assertThat(relationships().involving(tenant, sarah, null, 10).items()).containsExactly(worksAt);
            assertThat(relationships().involving(tenant, cafe, null, 10).items()).containsExactly(worksAt);
            assertThat(relationships().involving(tenant, emma, null, 10).items()).isEmpty();
        }

        @Test
        void relationships_are_ordered_by_unsigned_id_and_paged_without_skipping_or_repeating() {
            List<Relationship> stored = new ArrayList<>();
            List<CustomerId> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CustomerId other = Fixtures.customerId();
                storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, other, "Other" + i));
                others.add(other);
            }
            for (int i = 0; i < 8; i++) {
                RelationshipId id = new RelationshipId(Fixtures.uuid(Fixtures.HIGHS_ASCENDING[i % 4] + i));
                boolean sarahFirst = i % 2 == 0;
                stored.add(new Relationship(id, tenant, sarahFirst ? sarah : others.get(i), RelationshipType.REFERRED_BY,
                        sarahFirst ? others.get(i) : sarah, T0));
            }
            List<Relationship> shuffled = new ArrayList<>(stored);
            Collections.shuffle(shuffled);
            shuffled.forEach(r -> relationships().insert(tenant, r));
            stored.sort(Comparator.comparing(Relationship::id));

            assertThat(relationships().involving(tenant, sarah, null, 100).items()).containsExactlyElementsOf(stored);
            for (int limit = 1; limit <= 9; limit++) {
                assertThat(SpiPaging.involving(storage, tenant, sarah, limit)).as("paged with limit %d", limit)
                        .containsExactlyElementsOf(stored);
            }
            Slice<Relationship> exact = relationships().involving(tenant, sarah, stored.get(3).id(), 4);
            assertThat(exact.items()).containsExactlyElementsOf(stored.subList(4, 8));
            assertThat(exact.hasMore()).as("nothing follows the last one").isFalse();
        }

        @Test
        void a_customer_without_relationships_has_an_empty_final_slice() {
            Slice<Relationship> slice = relationships().involving(tenant, Fixtures.customerId(), null, 10);

            assertThat(slice.items()).isEmpty();
            assertThat(slice.hasMore()).isFalse();
        }
    }

    @Nested
    @DisplayName("deleting")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Deleting {

        @Test
        void a_deleted_relationship_is_gone_from_every_read() {
            Relationship sisters = insert(sarah, RelationshipType.SISTER_OF, emma);
            Relationship worksAt = insert(sarah, RelationshipType.WORKS_AT, cafe);

            assertThat(relationships().delete(tenant, sisters.id())).isTrue();

            assertThat(relationships().find(tenant, sisters.id())).isEmpty();
            assertThat(relationships().find(tenant, sarah, RelationshipType.SISTER_OF, emma)).isEmpty();
            assertThat(relationships().involving(tenant, sarah, null, 10).items()).containsExactly(worksAt);
            assertThat(relationships().involving(tenant, emma, null, 10).items()).isEmpty();
            assertReadsBack(relationships().find(tenant, worksAt.id()), worksAt);
        }

        @Test
        void deleting_says_whether_the_relationship_existed() {
            Relationship sisters = insert(sarah, RelationshipType.SISTER_OF, emma);

            assertThat(relationships().delete(tenant, sisters.id())).isTrue();
            assertThat(relationships().delete(tenant, sisters.id())).as("deleted twice").isFalse();
            assertThat(relationships().delete(tenant, Fixtures.relationshipId())).as("never stored").isFalse();
        }

        @Test
        void the_same_relationship_can_be_made_again_after_it_was_deleted() {
            Relationship sisters = insert(sarah, RelationshipType.SISTER_OF, emma);
            relationships().delete(tenant, sisters.id());

            Relationship again = insert(sarah, RelationshipType.SISTER_OF, emma);

            assertThat(relationships().find(tenant, sarah, RelationshipType.SISTER_OF, emma)).contains(again);
            assertThat(relationships().involving(tenant, emma, null, 10).items()).containsExactly(again);
        }
    }
}
