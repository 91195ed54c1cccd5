package io.crmkit.lead;

import static io.crmkit.lead.ScoringFixtures.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Lead aggregate guards its invariants")
class LeadInvariantsTest {

    private final Lead lead = ScoringFixtures.lead("Director", "GB", "tom@example.com");

    @Test
    @DisplayName("status, reason, conversion, qualification and checklist agree")
    void statusInvariants() {
        assertRefused(lead.toBuilder().status(LeadStatus.DISQUALIFIED), "disqualificationReason");
        assertRefused(lead.toBuilder().disqualificationReason("spam"), "disqualificationReason");
        assertRefused(lead.toBuilder().status(LeadStatus.CONVERTED), "conversion");
        assertRefused(lead.toBuilder().status(LeadStatus.QUALIFIED), "qualification");
        assertRefused(lead.toBuilder().qualification(QualificationLevel.SALES_QUALIFIED), "bant");
        assertRefused(lead.toBuilder().bant(LeadTestKit.fullBant()), "bant");
        LeadConversion conversion = new LeadConversion(new CustomerId(new UUID(1, 1)), true, null, false, null, null,
                List.of(), 0, AT, null);
        assertRefused(lead.toBuilder().status(LeadStatus.CONVERTED).conversion(conversion), "customerId");
    }

    @Test
    @DisplayName("identity, version, score and timestamps are well formed")
    void valueInvariants() {
        assertRefused(lead.toBuilder().givenName(null).email(null), "givenName");
        assertRefused(lead.toBuilder().version(0), "version");
        assertRefused(lead.toBuilder().score(BigDecimal.ONE), "score");
        assertRefused(lead.toBuilder().score(new BigDecimal("1.005")).scoredAt(AT), "score");
        assertRefused(lead.toBuilder().updatedAt(lead.createdAt().minusSeconds(1)), "updatedAt");
        assertRefused(lead.toBuilder().countryCode("England"), "countryCode");
        assertRefused(lead.toBuilder().companyDomain("not a domain"), "companyDomain");
        assertRefused(lead.toBuilder().firstTouch(null), "firstTouch");
        assertThat(lead.toBuilder().score(new BigDecimal("7.5")).scoredAt(AT).build().score())
                .isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    @DisplayName("behaviour methods return the next version and refuse what the rules never allow")
    void behaviour() {
        Lead working = lead.moveTo(LeadStatus.WORKING, AT);
        assertThat(working.version()).isEqualTo(lead.version() + 1);
        assertThat(working.updatedAt()).isEqualTo(AT);
        Lead disqualified = working.disqualify("spam", AT);
        assertThatThrownBy(() -> disqualified.assignTo(LeadTestKit.ALICE, AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> disqualified.markMarketingQualified(AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lead.recycle(AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lead.convert(new LeadConversion(new CustomerId(new UUID(1, 1)), true, null, false,
                null, null, List.of(), 0, AT, null), AT)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only a QUALIFIED");
        Lead mql = lead.markMarketingQualified(AT);
        assertThatThrownBy(() -> mql.markMarketingQualified(AT)).isInstanceOf(IllegalTransitionException.class);
        assertThat(lead.displayName()).isEqualTo("Tom");
        assertThat(lead.toBuilder().givenName(null).build().displayName()).isEqualTo("tom@example.com");
    }

    private static void assertRefused(Lead.Builder builder, String path) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::path).containsExactly(path));
    }
}
