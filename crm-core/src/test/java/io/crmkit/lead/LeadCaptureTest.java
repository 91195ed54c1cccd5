package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.START;
import static io.crmkit.lead.LeadTestKit.tom;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Capturing leads")
class LeadCaptureTest {

    private final LeadTestKit kit = new LeadTestKit();

    @Test
    @DisplayName("normalises contact data exactly like customers and keeps the source and attribution")
    void captures() {
        CaptureResult result = kit.leads().capture(webForm().name(" Tom ", "Baker").email("Tom@Cafe-Luna.EXAMPLE")
                .phone("07700 900456").country("gb").companyDomain("Cafe-Luna.Example")
                .attribute("employees", AttributeValue.integer(40)).sourceRef("webforms", "8812").build());

        Lead lead = result.lead();
        assertThat(result.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(lead.givenName()).isEqualTo("Tom");
        assertThat(lead.email().value()).isEqualTo("Tom@cafe-luna.example");
        assertThat(lead.phone().e164()).isEqualTo("+447700900456");
        assertThat(lead.countryCode()).isEqualTo("GB");
        assertThat(lead.companyDomain()).isEqualTo("cafe-luna.example");
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.qualification()).isEqualTo(QualificationLevel.NONE);
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.firstTouch().source().campaign()).isEqualTo("spring-sale");
        assertThat(lead.firstTouch().at()).isEqualTo(START);
        assertThat(lead.lastTouch()).isEqualTo(lead.firstTouch());
        assertThat(lead.attributes()).containsEntry("employees", AttributeValue.integer(40));
        assertThat(kit.leads().get(lead.id())).isEqualTo(lead);
        assertThat(kit.leads().findByEmail("tom@CAFE-luna.example")).containsExactly(lead);
        assertThat(kit.leads().findByPhone("+44 7700 900456")).containsExactly(lead);
        assertThat(kit.events(LeadCaptured.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(CaptureOutcome.CREATED));
        assertThat(kit.leads().history(lead.id(), PageRequest.first(10)).items()).singleElement()
                .satisfies(h -> {
                    assertThat(h.from()).isNull();
                    assertThat(h.to()).isEqualTo(LeadStatus.NEW);
                    assertThat(h.at()).isEqualTo(START);
                });
    }

    @Test
    @DisplayName("refuses invalid contact data naming every field, storing nothing and publishing nothing")
    void refusesInvalidInput() {
        assertThatThrownBy(() -> kit.leads().capture(webForm().name("Tom", null).email("not-an-address")
                .phone("12").country("XX").attribute("bad key", AttributeValue.text("x")).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path)
                        .containsExactly("attributes[bad key]", "countryCode", "email", "phone"));
        assertThatThrownBy(() -> kit.leads().capture(webForm().country("XX").email("a@example.com").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path).containsExactly("countryCode"));
        assertThatThrownBy(() -> kit.leads().capture(webForm().company("Nobody Ltd").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("a lead needs a name, an e-mail address or a phone number"));
        assertThatThrownBy(() -> kit.leads().capture(LeadCapture.builder(null).email("a@example.com").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path).contains("source"));
        assertThatThrownBy(() -> kit.leads().capture(webForm().email("a@example.com")
                .capturedAt(START.plus(Duration.ofDays(1))).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("capturedAt");
        assertThatThrownBy(() -> kit.leads().capture(null)).isInstanceOf(InvalidInputException.class);

        assertThat(kit.leads().list(LeadQuery.ALL, PageRequest.first(10)).items()).isEmpty();
        assertThat(kit.events).isEmpty();
    }

    @Test
    @DisplayName("is idempotent on (source system, external id): a re-delivery changes nothing")
    void idempotent() {
        LeadCapture capture = webForm().name("Tom", "Baker").email("tom@example.com").sourceRef("webforms", "1").build();
        CaptureResult first = kit.leads().capture(capture);
        kit.clock.advance(Duration.ofMinutes(5));
        CaptureResult again = kit.leads().capture(capture);

        assertThat(again.outcome()).isEqualTo(CaptureOutcome.DUPLICATE_DELIVERY);
        assertThat(again.duplicateDelivery()).isTrue();
        assertThat(again.lead()).isEqualTo(first.lead());
        assertThat(kit.leads().list(LeadQuery.ALL, PageRequest.first(10)).items()).hasSize(1);
        assertThat(kit.events(LeadCaptured.class)).hasSize(1);
        // Another external id of the same system is another capture.
        assertThat(kit.leads().capture(webForm().name("Ann", null).sourceRef("webforms", "2").build()).outcome())
                .isEqualTo(CaptureOutcome.CREATED);
    }

    @Test
    @DisplayName("flags a new lead as a possible duplicate of a customer and an open lead by default")
    void flagsByDefault() {
        Customer sarah = kit.registerSarah();
        Lead first = kit.leads().capture(webForm().name("Sarah", null).phone("+447700900123").build()).lead();
        CaptureResult second = kit.leads().capture(webForm().name("S.", "Miller").email("SARAH@example.com")
                .phone("07700 900123").build());

        assertThat(first.possibleDuplicates().customers()).containsExactly(sarah.id());
        assertThat(second.outcome()).isEqualTo(CaptureOutcome.FLAGGED_POSSIBLE_DUPLICATE);
        assertThat(second.matchedCustomers()).containsExactly(sarah.id());
        assertThat(second.matchedLeads()).containsExactly(first.id());
        assertThat(second.lead().isPossibleDuplicate()).isTrue();
        assertThat(second.lead().possibleDuplicates().leads()).containsExactly(first.id());
        assertThat(kit.leads().list(LeadQuery.ALL, PageRequest.first(10)).items()).hasSize(2);
        // Nothing merged: the customer is untouched.
        assertThat(kit.crm.customers().get(sarah.id())).isEqualTo(sarah);
    }

    @Test
    @DisplayName("attaches to the matching open lead when asked: last touch moves, first touch stays, no new lead")
    void attachesToLead() {
        Lead first = kit.leads().capture(tom()).lead();
        kit.clock.advance(Duration.ofDays(3));
        CaptureResult again = kit.leads().capture(LeadCapture.builder(LeadSource.of(LeadChannel.WEBINAR)
                        .campaign("candle-care-webinar")).email("tom@cafe-luna.example")
                .sourceRef("webinar-tool", "reg-77").onDuplicate(DuplicatePolicy.ATTACH).build());

        assertThat(again.outcome()).isEqualTo(CaptureOutcome.ATTACHED_TO_LEAD);
        assertThat(again.lead().id()).isEqualTo(first.id());
        assertThat(again.lead().version()).isEqualTo(first.version() + 1);
        assertThat(again.lead().firstTouch()).isEqualTo(first.firstTouch());
        assertThat(again.lead().lastTouch().source().campaign()).isEqualTo("candle-care-webinar");
        assertThat(again.lead().lastTouch().at()).isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(kit.leads().list(LeadQuery.ALL, PageRequest.first(10)).items()).hasSize(1);
        // The attached capture's source key is remembered: a re-delivery is a duplicate delivery.
        CaptureResult redelivered = kit.leads().capture(LeadCapture.builder(LeadSource.of(LeadChannel.WEBINAR))
                .email("tom@cafe-luna.example").sourceRef("webinar-tool", "reg-77").build());
        assertThat(redelivered.outcome()).isEqualTo(CaptureOutcome.DUPLICATE_DELIVERY);
        assertThat(redelivered.lead().id()).isEqualTo(first.id());
    }

    @Test
    @DisplayName("attaches to the matching customer when configured on the builder: a new lead related to it")
    void attachesToCustomerByBuilderDefault() {
        LeadTestKit attaching = new LeadTestKit(b -> b.leadDuplicatePolicy(DuplicatePolicy.ATTACH));
        Customer sarah = attaching.registerSarah();
        CaptureResult result = attaching.leads().capture(webForm().name("Sarah", "Miller")
                .email("sarah@example.com").build());

        assertThat(result.outcome()).isEqualTo(CaptureOutcome.ATTACHED_TO_CUSTOMER);
        assertThat(result.lead().customerId()).isEqualTo(sarah.id());
        assertThat(result.lead().isPossibleDuplicate()).isFalse();
        // The per-call choice overrides the builder's default.
        CaptureResult flagged = attaching.leads().capture(webForm().name("Sarah", null).email("sarah@example.com")
                .onDuplicate(DuplicatePolicy.FLAG).build());
        assertThat(flagged.outcome()).isEqualTo(CaptureOutcome.FLAGGED_POSSIBLE_DUPLICATE);
    }

    @Test
    @DisplayName("does not match archived customers, closed leads, or another tenant's records")
    void matchesOnlyWhatCounts() {
        Customer sarah = kit.registerSarah();
        kit.crm.customers().archive(sarah.id(), sarah.version());
        Lead lead = kit.leads().capture(webForm().name("Sarah", null).email("sarah@example.com").build()).lead();
        assertThat(lead.isPossibleDuplicate()).isFalse();
        kit.leads().disqualify(lead.id(), "spam", ALICE);
        assertThat(kit.leads().capture(webForm().email("sarah@example.com").build()).outcome())
                .isEqualTo(CaptureOutcome.CREATED);

        Leads other = kit.crm.tenant("other-shop").leads();
        CaptureResult elsewhere = other.capture(webForm().email("sarah@example.com").build());
        assertThat(elsewhere.outcome()).isEqualTo(CaptureOutcome.CREATED);
        assertThat(other.find(lead.id())).isEmpty();
        assertThat(kit.leads().find(elsewhere.lead().id())).isEmpty();
        assertThat(kit.crm.tenant(TenantId.of("other-shop")).leads().list(LeadQuery.ALL, PageRequest.first(10))
                .items()).hasSize(1);
    }

    @Test
    @DisplayName("refuses unknown and null ids clearly")
    void unknownIds() {
        LeadId unknown = new LeadId(new UUID(1, 2));
        assertThat(kit.leads().find(unknown)).isEmpty();
        assertThatThrownBy(() -> kit.leads().get(unknown)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Lead " + unknown);
        assertThatThrownBy(() -> kit.leads().history(unknown, PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.leads().moveTo(unknown, LeadStatus.WORKING, ALICE, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.leads().convert(unknown, ConversionRequest.PERSON_ONLY))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.leads().get(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leadId");
    }

    @Test
    @DisplayName("pages the lead list by status and owner with signed cursors")
    void lists() {
        for (int i = 0; i < 5; i++) {
            kit.leads().capture(webForm().email("lead" + i + "@example.com").owner(i % 2 == 0 ? ALICE : null).build());
        }
        var first = kit.leads().list(LeadQuery.ALL, PageRequest.first(2));
        var second = kit.leads().list(LeadQuery.ALL, first.nextRequest().orElseThrow());
        var third = kit.leads().list(LeadQuery.ALL, second.nextRequest().orElseThrow());
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.hasNext()).isFalse();
        assertThat(kit.leads().list(LeadQuery.OPEN.ownedBy(ALICE), PageRequest.first(10)).items()).hasSize(3);
        assertThatThrownBy(() -> kit.leads().list(LeadQuery.OPEN, PageRequest.after(first.nextCursor().orElseThrow(), 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    }
}
