package io.crmkit.customer;

import static io.crmkit.customer.CustomerTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipTypeTest {

    @Test
    void theInverseReadsTheRelationshipFromTheOtherSide() {
        assertThat(RelationshipType.WORKS_AT.inverse()).isEqualTo(RelationshipType.of("employs", "works at"));
        assertThat(RelationshipType.REFERRED_BY.inverse().label()).isEqualTo("referred");
        assertThat(RelationshipType.PARENT_COMPANY_OF.inverse().label()).isEqualTo("subsidiary of");
    }

    @Test
    void theInverseOfTheInverseIsTheType() {
        for (RelationshipType type : List.of(RelationshipType.SISTER_OF, RelationshipType.SIBLING_OF,
                RelationshipType.PARTNER_OF, RelationshipType.WORKS_AT, RelationshipType.REFERRED_BY,
                RelationshipType.PARENT_COMPANY_OF, RelationshipType.of("mentor of", "mentee of"))) {
            assertThat(type.inverse().inverse()).isEqualTo(type);
            assertThat(type.inverse().isSymmetric()).isEqualTo(type.isSymmetric());
        }
    }

    @Test
    void aSymmetricTypeIsItsOwnInverse() {
        for (RelationshipType type : List.of(RelationshipType.SISTER_OF, RelationshipType.SIBLING_OF,
                RelationshipType.PARTNER_OF, RelationshipType.symmetric("Neighbour of"))) {
            assertThat(type.isSymmetric()).isTrue();
            assertThat(type.inverse()).isEqualTo(type);
        }
        assertThat(RelationshipType.WORKS_AT.isSymmetric()).isFalse();
        assertThat(RelationshipType.WORKS_AT.inverse()).isNotEqualTo(RelationshipType.WORKS_AT);
    }

    @Test
    void labelsAreTrimmedAndLowerCasedSoThatTypesCompareByMeaning() {
        RelationshipType type = RelationshipType.of("  Works At ", "EMPLOYS");

        assertThat(type).isEqualTo(RelationshipType.WORKS_AT);
        assertThat(RelationshipType.symmetric("Sister Of")).isEqualTo(RelationshipType.SISTER_OF);
        assertThat(RelationshipType.of("sister of", "Sister of ").isSymmetric()).isTrue();
    }

    @Test
    void labelsAreRequiredAndAtMost60Characters() {
        assertThat(RelationshipType.of("l".repeat(60), "x").label()).hasSize(60);
        assertRefused(() -> RelationshipType.of("l".repeat(61), "x"), "label", "must be at most 60 characters");
        assertRefused(() -> RelationshipType.of(null, "x"), "label", "must not be null");
        assertRefused(() -> RelationshipType.of("x", " "), "inverseLabel", "must not be blank; leave it out instead");
        assertRefused(() -> RelationshipType.symmetric(null), "label", "must not be null");
    }
}
