package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.BOB;
import static io.crmkit.lead.LeadTestKit.CAROL;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lead owner assignment")
class AssignmentTest {

    private static final LeadAssignmentStrategy ROTATION =
            LeadAssignmentStrategy.roundRobin("sales", List.of(ALICE, BOB, CAROL));

    @Test
    @DisplayName("round-robin takes turns in order, with state kept in the storage across Crm instances")
    void roundRobin() {
        FaultyStorage storage = new FaultyStorage();
        LeadTestKit kit = new LeadTestKit(storage, b -> b.leadAssignment(ROTATION));
        List<UserId> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            owners.add(kit.leads().capture(webForm().email("a" + i + "@example.com").build()).lead().owner());
        }
        // A second Crm on the same storage (a restart, another instance) continues the rotation.
        Crm restarted = Crm.builder().storage(storage).leadAssignment(ROTATION).build();
        owners.add(restarted.leads().capture(webForm().email("b@example.com").build()).lead().owner());

        assertThat(owners).containsExactly(ALICE, BOB, CAROL, ALICE, BOB);
        assertThat(kit.events(LeadAssigned.class)).extracting(LeadAssigned::to).containsExactly(ALICE, BOB, CAROL, ALICE);
        // Rotations are per tenant.
        assertThat(kit.crm.tenant("other").leads().capture(webForm().email("c@example.com").build()).lead().owner())
                .isEqualTo(ALICE);
    }

    @Test
    @DisplayName("a capture that fails does not take a turn")
    void failedCaptureTakesNoTurn() {
        FaultyStorage storage = new FaultyStorage();
        LeadTestKit kit = new LeadTestKit(storage, b -> b.leadAssignment(ROTATION));
        storage.failAtWrite(2); // the sequence advanced (write 1), then the lead insert fails
        assertThatThrownBy(() -> kit.leads().capture(webForm().email("x@example.com").build()))
                .isInstanceOf(StorageException.class);
        assertThat(kit.leads().capture(webForm().email("x@example.com").build()).lead().owner()).isEqualTo(ALICE);
    }

    @Test
    @DisplayName("an explicit owner wins over the strategy and takes no turn")
    void explicitOwner() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadAssignment(ROTATION));
        assertThat(kit.leads().capture(webForm().email("a@example.com").owner(CAROL).build()).lead().owner())
                .isEqualTo(CAROL);
        assertThat(kit.leads().capture(webForm().email("b@example.com").build()).lead().owner()).isEqualTo(ALICE);
    }

    @Test
    @DisplayName("rules: the first matching rule decides, by source, country or attribute; else the fallback")
    void rules() {
        UserId jonas = UserId.of("jonas");
        UserId webinarTeam = UserId.of("webinar-team");
        UserId enterprise = UserId.of("enterprise");
        LeadAssignmentStrategy strategy = LeadAssignmentStrategy.rules(List.of(
                        AssignmentRule.to(Condition.in("country", Set.of("DE", "AT", "CH")), jonas),
                        AssignmentRule.to(Condition.sourceIs(LeadChannel.WEBINAR), webinarTeam),
                        AssignmentRule.to(Condition.equalTo("attribute.tier", "enterprise"), enterprise)),
                LeadAssignmentStrategy.roundRobin("rest", List.of(ALICE, BOB)));
        LeadTestKit kit = new LeadTestKit(b -> b.leadAssignment(strategy));

        LeadCapture germanWebinar = LeadCapture.builder(LeadSource.of(LeadChannel.WEBINAR)).email("a@example.de")
                .country("DE").build();
        LeadCapture webinar = LeadCapture.builder(LeadSource.of(LeadChannel.WEBINAR)).email("b@example.com").build();
        LeadCapture big = webForm().email("c@example.com").attribute("tier", AttributeValue.text("Enterprise")).build();

        assertThat(kit.leads().capture(germanWebinar).lead().owner()).isEqualTo(jonas);
        assertThat(kit.leads().capture(webinar).lead().owner()).isEqualTo(webinarTeam);
        assertThat(kit.leads().capture(big).lead().owner()).isEqualTo(enterprise);
        assertThat(kit.leads().capture(webForm().email("d@example.com").build()).lead().owner()).isEqualTo(ALICE);
        assertThat(kit.leads().capture(webForm().email("e@example.com").build()).lead().owner()).isEqualTo(BOB);
    }

    @Test
    @DisplayName("assigns nobody by default")
    void noneByDefault() {
        LeadTestKit kit = new LeadTestKit();
        assertThat(kit.leads().capture(webForm().email("a@example.com").build()).lead().owner()).isNull();
        assertThat(kit.events(LeadAssigned.class)).isEmpty();
    }

    @Test
    @DisplayName("refuses malformed strategies")
    void refusesMalformed() {
        assertThatThrownBy(() -> LeadAssignmentStrategy.roundRobin("x", List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LeadAssignmentStrategy.roundRobin("x", List.of(ALICE, ALICE)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> LeadAssignmentStrategy.rules(List.of(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fallback");
        assertThatThrownBy(() -> Crm.builder().leadAssignment(null)).isInstanceOf(InvalidInputException.class);
    }
}
