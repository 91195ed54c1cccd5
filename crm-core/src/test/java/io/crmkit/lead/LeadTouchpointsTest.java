package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.START;
import static io.crmkit.lead.LeadTestKit.tom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Touchpoints with a lead as party")
class LeadTouchpointsTest {

    private final LeadTestKit kit = new LeadTestKit();

    @Test
    @DisplayName("are recorded idempotently and read newest first from the lead's timeline, not a customer's")
    void records() {
        Lead lead = kit.leads().capture(tom()).lead();
        Customer sarah = kit.registerSarah();
        for (int i = 0; i < 5; i++) {
            kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), i % 2 == 0 ? Channel.EMAIL : Channel.CALL,
                    Direction.OUTBOUND, START.minus(Duration.ofHours(i))).source("mailer", "m" + i).build());
        }
        RecordResult again = kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.EMAIL,
                Direction.OUTBOUND, START).source("mailer", "m0").build());

        assertThat(again.duplicate()).isTrue();
        var first = kit.crm.touchpoints().leadTimeline(lead.id(), PageRequest.first(3));
        var second = kit.crm.touchpoints().leadTimeline(lead.id(), first.nextRequest().orElseThrow());
        assertThat(first.items()).extracting(Touchpoint::occurredAt)
                .containsExactly(START, START.minus(Duration.ofHours(1)), START.minus(Duration.ofHours(2)));
        assertThat(second.items()).hasSize(2);
        assertThat(first.items()).allSatisfy(t -> {
            assertThat(t.leadId()).isEqualTo(lead.id());
            assertThat(t.customerId()).isNull();
            assertThat(t.belongsToLead()).isTrue();
        });
        assertThat(kit.crm.touchpoints().leadTimeline(lead.id(), TimelineQuery.of(Channel.CALL), PageRequest.first(10))
                .items()).hasSize(2);
        assertThat(kit.events(TouchpointRecorded.class)).hasSize(5)
                .allSatisfy(e -> assertThat(e.leadId()).isEqualTo(lead.id()));
        assertThat(kit.crm.touchpoints().timeline(sarah.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(kit.crm.touchpoints().activity(sarah.id()).totalCount()).isZero();
        // A cursor of the lead's timeline is not one of a customer's.
        assertThatThrownBy(() -> kit.crm.touchpoints().timeline(sarah.id(),
                PageRequest.after(first.nextCursor().orElseThrow(), 3))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("belong to exactly one customer or lead: both or neither is refused, and nothing is stored")
    void exactlyOneParty() {
        Lead lead = kit.leads().capture(tom()).lead();
        Customer sarah = kit.registerSarah();
        NewTouchpoint both = new NewTouchpoint(sarah.id(), lead.id(), Channel.EMAIL, Direction.INBOUND, START, null,
                null, null, null, null, null, null, null);
        NewTouchpoint neither = new NewTouchpoint(null, null, Channel.EMAIL, Direction.INBOUND, START, null, null, null,
                null, null, null, null, null);
        assertThatThrownBy(() -> kit.crm.touchpoints().record(both)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                        .containsExactly("customerId"));
        assertThatThrownBy(() -> kit.crm.touchpoints().recordAll(List.of(neither)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[0].customerId");
        assertThatThrownBy(() -> new Touchpoint(new TouchpointId(new UUID(1, 1)), TenantId.DEFAULT, null, null,
                Channel.EMAIL, Direction.INBOUND, START, START, null, null, null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly one");
        assertThat(kit.crm.touchpoints().leadTimeline(lead.id(), PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    @DisplayName("refuse an unknown lead, in a batch as a whole")
    void unknownLead() {
        Lead lead = kit.leads().capture(tom()).lead();
        LeadId unknown = new LeadId(new UUID(5, 5));
        assertThatThrownBy(() -> kit.crm.touchpoints().recordAll(List.of(
                NewTouchpoint.forLead(lead.id(), Channel.EMAIL, Direction.INBOUND, START).build(),
                NewTouchpoint.forLead(unknown, Channel.EMAIL, Direction.INBOUND, START).build())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Lead " + unknown);
        assertThat(kit.crm.touchpoints().leadTimeline(lead.id(), PageRequest.first(5)).items()).isEmpty();
        assertThatThrownBy(() -> kit.crm.touchpoints().leadTimeline(unknown, PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);
        // Another tenant's lead is unknown too.
        assertThatThrownBy(() -> kit.crm.tenant("other").touchpoints().record(
                NewTouchpoint.forLead(lead.id(), Channel.EMAIL, Direction.INBOUND, START).build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a lead's purchase follows the purchase rules, and joins the lapsed-buyer index only once moved")
    void purchases() {
        Lead lead = kit.qualified(tom());
        kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.PURCHASE, Direction.INBOUND,
                START.minus(Duration.ofDays(100))).purchase(Money.of("20.00", "GBP"), "A-1").build());
        assertThat(kit.crm.touchpoints().lapsedBuyers(START, PageRequest.first(5)).items()).isEmpty();
        ConversionResult result = kit.leads().convert(lead.id(), ConversionRequest.PERSON_ONLY);
        assertThat(kit.crm.touchpoints().lapsedBuyers(START, PageRequest.first(5)).items())
                .singleElement().satisfies(a -> assertThat(a.customerId()).isEqualTo(result.customerId()));
        assertThat(kit.crm.touchpoints().activity(result.customerId()).lastPurchaseAt())
                .isEqualTo(START.minus(Duration.ofDays(100)));
    }
}
