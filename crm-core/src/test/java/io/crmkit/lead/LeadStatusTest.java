package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.BOB;
import static io.crmkit.lead.LeadTestKit.START;
import static io.crmkit.lead.LeadTestKit.fullBant;
import static io.crmkit.lead.LeadTestKit.tom;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.PageRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Lead status")
class LeadStatusTest {

    private final LeadTestKit kit = new LeadTestKit();

    @Test
    @DisplayName("moves forward through NEW → WORKING → NURTURING and records who, when, from, to and why")
    void movesForward() {
        Lead lead = kit.leads().capture(tom()).lead();
        kit.clock.advance(Duration.ofHours(1));
        Lead working = kit.leads().moveTo(lead.id(), LeadStatus.WORKING, ALICE, "called, no answer");
        kit.clock.advance(Duration.ofHours(1));
        Lead nurturing = kit.leads().moveTo(lead.id(), LeadStatus.NURTURING, BOB, null);

        assertThat(working.status()).isEqualTo(LeadStatus.WORKING);
        assertThat(nurturing.status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(nurturing.version()).isEqualTo(3);
        List<LeadStatusChange> history = kit.leads().history(lead.id(), PageRequest.first(10)).items();
        assertThat(history).extracting(LeadStatusChange::to)
                .containsExactly(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.NURTURING);
        assertThat(history.get(1)).isEqualTo(new LeadStatusChange(lead.id(), 2, START.plus(Duration.ofHours(1)),
                ALICE, LeadStatus.NEW, LeadStatus.WORKING, "called, no answer"));
        assertThat(history.get(2).by()).isEqualTo(BOB);
        assertThat(kit.events(LeadStatusChanged.class)).extracting(LeadStatusChanged::to)
                .containsExactly(LeadStatus.WORKING, LeadStatus.NURTURING);
        // Moving to the current status changes nothing.
        assertThat(kit.leads().moveTo(lead.id(), LeadStatus.NURTURING, BOB, null)).isEqualTo(nurturing);
        assertThat(kit.leads().history(lead.id(), PageRequest.first(10)).items()).hasSize(3);
    }

    @Test
    @DisplayName("pages the history oldest first")
    void pagesHistory() {
        Lead lead = kit.leads().capture(tom()).lead();
        kit.leads().moveTo(lead.id(), LeadStatus.WORKING, ALICE, null);
        kit.leads().disqualify(lead.id(), "bad timing", ALICE);
        kit.leads().recycle(lead.id(), ALICE, "asked again in spring");
        var first = kit.leads().history(lead.id(), PageRequest.first(3));
        var second = kit.leads().history(lead.id(), first.nextRequest().orElseThrow());
        assertThat(first.items()).extracting(LeadStatusChange::to)
                .containsExactly(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.DISQUALIFIED);
        assertThat(second.items()).extracting(LeadStatusChange::to).containsExactly(LeadStatus.NURTURING);
        assertThat(second.items().get(0).reason()).isEqualTo("asked again in spring");
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({
        "WORKING, NEW", "NURTURING, WORKING", "NEW, QUALIFIED", "NEW, CONVERTED", "NEW, DISQUALIFIED",
        "NEW, NEW", "QUALIFIED, NURTURING", "CONVERTED, WORKING", "DISQUALIFIED, WORKING", "DISQUALIFIED, NURTURING"
    })
    @DisplayName("refuses forged transitions with a clear reason, storing and publishing nothing")
    void refusesForgedTransitions(LeadStatus from, LeadStatus to) {
        Lead lead = leadIn(from);
        int eventsBefore = kit.events.size();
        assertThatThrownBy(() -> kit.leads().moveTo(lead.id(), to, ALICE, null))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.getMessage()).contains("cannot move from " + from + " to " + to);
                    assertThat(e.recordType()).isEqualTo("Lead");
                });
        assertThat(kit.leads().get(lead.id())).isEqualTo(lead);
        assertThat(kit.events).hasSize(eventsBefore);
    }

    @Test
    @DisplayName("the transition table says why each move is refused")
    void transitionTable() {
        assertThat(LeadStatus.NEW.refusalToMoveTo(LeadStatus.WORKING)).isEmpty();
        assertThat(LeadStatus.NEW.refusalToMoveTo(LeadStatus.NURTURING)).isEmpty();
        assertThat(LeadStatus.WORKING.refusalToMoveTo(LeadStatus.NURTURING)).isEmpty();
        assertThat(LeadStatus.NURTURING.refusalToMoveTo(LeadStatus.WORKING)).hasValueSatisfying(
                r -> assertThat(r).contains("forward only"));
        assertThat(LeadStatus.NEW.refusalToMoveTo(LeadStatus.QUALIFIED)).hasValueSatisfying(
                r -> assertThat(r).contains("acceptAsSalesQualified"));
        assertThat(LeadStatus.CONVERTED.refusalToMoveTo(LeadStatus.NURTURING)).hasValueSatisfying(
                r -> assertThat(r).contains("final"));
        assertThat(LeadStatus.DISQUALIFIED.refusalToMoveTo(LeadStatus.NURTURING)).hasValueSatisfying(
                r -> assertThat(r).contains("recycle"));
    }

    @Test
    @DisplayName("disqualifies only for a configured reason, compared ignoring case, and recycles to NURTURING")
    void disqualifiesAndRecycles() {
        Lead lead = kit.leads().capture(tom()).lead();
        assertThatThrownBy(() -> kit.leads().disqualify(lead.id(), "did not like us", ALICE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::path).containsExactly("reason");
                    assertThat(e.getMessage()).contains("no budget", "spam");
                });
        assertThat(kit.leads().get(lead.id()).status()).isEqualTo(LeadStatus.NEW);

        Lead disqualified = kit.leads().disqualify(lead.id(), "  NO BUDGET ", BOB);
        assertThat(disqualified.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(disqualified.disqualificationReason()).isEqualTo("no budget");
        assertThat(kit.events(LeadDisqualified.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("no budget"));
        assertThatThrownBy(() -> kit.leads().disqualify(lead.id(), "spam", BOB))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> kit.leads().assign(lead.id(), ALICE, BOB))
                .isInstanceOf(IllegalTransitionException.class);

        Lead recycled = kit.leads().recycle(lead.id(), ALICE, null);
        assertThat(kit.leads().get(lead.id()).bant()).isNull();
        assertThat(recycled.status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(recycled.disqualificationReason()).isNull();
        assertThatThrownBy(() -> kit.leads().recycle(lead.id(), ALICE, null))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("only a DISQUALIFIED lead");
    }

    @Test
    @DisplayName("uses the tenant's own disqualification reasons once it stored them")
    void tenantReasons() {
        LeadSettings custom = LeadSettings.defaults().withDisqualificationReasons(List.of("Wrong region"));
        kit.leads().configure(custom);
        assertThat(kit.leads().settings()).isEqualTo(custom);
        Lead lead = kit.leads().capture(tom()).lead();
        assertThatThrownBy(() -> kit.leads().disqualify(lead.id(), "spam", ALICE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Wrong region");
        assertThat(kit.leads().disqualify(lead.id(), "wrong region", ALICE).disqualificationReason())
                .isEqualTo("Wrong region");
        // Another tenant still has the builder's defaults.
        assertThat(kit.crm.tenant("other").leads().settings()).isEqualTo(LeadSettings.defaults());
        assertThatThrownBy(() -> LeadSettings.defaults().withDisqualificationReasons(List.of("a", "A")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> kit.leads().configure(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("assigns and reassigns explicitly, publishing who assigned whom")
    void assigns() {
        Lead lead = kit.leads().capture(webForm().email("a@example.com").build()).lead();
        assertThat(lead.owner()).isNull();
        Lead assigned = kit.leads().assign(lead.id(), ALICE, BOB);
        Lead again = kit.leads().assign(lead.id(), ALICE, BOB);
        Lead reassigned = kit.leads().assign(lead.id(), BOB, ALICE);
        assertThat(assigned.owner()).isEqualTo(ALICE);
        assertThat(again).isEqualTo(assigned);
        assertThat(reassigned.owner()).isEqualTo(BOB);
        assertThat(kit.events(LeadAssigned.class)).extracting(LeadAssigned::from, LeadAssigned::to, LeadAssigned::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, ALICE, BOB),
                        org.assertj.core.groups.Tuple.tuple(ALICE, BOB, ALICE));
        assertThatThrownBy(() -> kit.leads().assign(lead.id(), null, BOB)).isInstanceOf(InvalidInputException.class);
    }

    private Lead leadIn(LeadStatus status) {
        Lead lead = kit.leads().capture(webForm().email(status.name().toLowerCase() + "@example.com").build()).lead();
        switch (status) {
            case NEW:
                return lead;
            case WORKING:
            case NURTURING:
                return kit.leads().moveTo(lead.id(), status, ALICE, null);
            case QUALIFIED:
                return kit.leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant()).lead();
            case DISQUALIFIED:
                return kit.leads().disqualify(lead.id(), "spam", ALICE);
            default:
                kit.leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant());
                return kit.leads().convert(lead.id(), ConversionRequest.builder().personName("Pat", null).build()).lead();
        }
    }
}
