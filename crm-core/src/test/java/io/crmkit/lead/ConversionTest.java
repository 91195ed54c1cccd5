package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.BOB;
import static io.crmkit.lead.LeadTestKit.tom;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.internal.CrmRuntime;
import io.crmkit.internal.DefaultLeads;
import io.crmkit.internal.LeadDefaults;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.StageKind;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Converting leads")
class ConversionTest {

    private final LeadTestKit kit = new LeadTestKit();

    private Lead qualifiedTomWithHistory(LeadTestKit kit) {
        LeadCapture capture = webForm().name("Tom", "Baker").jobTitle("Purchasing Director").company("Café Luna")
                .companyDomain("cafe-luna.example").email("Tom@Cafe-Luna.EXAMPLE").phone("07700 900456")
                .attribute("employees", AttributeValue.integer(40)).owner(BOB).build();
        Lead lead = kit.leads().capture(capture).lead();
        kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.WEB_VISIT, Direction.INBOUND,
                LeadTestKit.START.minus(Duration.ofDays(2))).build());
        kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.EMAIL, Direction.OUTBOUND,
                LeadTestKit.START.minus(Duration.ofDays(1))).subject("Our candles").build());
        return kit.leads().acceptAsSalesQualified(lead.id(), ALICE, LeadTestKit.fullBant()).lead();
    }

    @Test
    @DisplayName("creates the person and the organisation, relates them, moves the history and links the lead")
    void createsEverything() {
        Lead lead = qualifiedTomWithHistory(kit);
        kit.events.clear();

        ConversionResult result = kit.leads().convert(lead.id(),
                ConversionRequest.builder().by(ALICE).withOrganisation().build());

        assertThat(result.alreadyConverted()).isFalse();
        assertThat(result.customerCreated()).isTrue();
        assertThat(result.organisationCreated()).isTrue();
        Customer tom = kit.crm.customers().get(result.customerId());
        assertThat(tom.person().displayName()).isEqualTo("Tom Baker");
        assertThat(tom.person().jobTitle()).isEqualTo("Purchasing Director");
        assertThat(tom.primaryEmail().orElseThrow().value()).isEqualTo("Tom@cafe-luna.example");
        assertThat(tom.primaryPhone().orElseThrow().e164()).isEqualTo("+447700900456");
        assertThat(tom.attributes()).containsEntry("employees", AttributeValue.integer(40));
        assertThat(tom.owner()).isEqualTo(BOB);
        assertThat(tom.lifecycleStage()).isEqualTo(LifecycleStage.SALES_QUALIFIED);
        Customer luna = kit.crm.customers().get(result.organisationId().orElseThrow());
        assertThat(luna.kind()).isEqualTo(CustomerKind.ORGANISATION);
        assertThat(luna.organisation().name()).isEqualTo("Café Luna");
        assertThat(luna.organisation().domain()).isEqualTo("cafe-luna.example");
        assertThat(kit.crm.customers().relationships(tom.id(), PageRequest.first(5)).items())
                .extracting(RelatedCustomer::label, RelatedCustomer::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("works at", luna.id()));
        assertThat(result.writtenFields()).containsExactly("givenName", "familyName", "jobTitle", "emails", "phones",
                "attributes.employees", "owner", "organisation.name", "organisation.domain");

        List<Touchpoint> history = kit.crm.touchpoints().timeline(tom.id(), PageRequest.first(10)).items();
        assertThat(history).extracting(Touchpoint::channel).containsExactly(Channel.EMAIL, Channel.WEB_VISIT);
        assertThat(history).allSatisfy(t -> {
            assertThat(t.customerId()).isEqualTo(tom.id());
            assertThat(t.leadId()).isNull();
        });
        assertThat(kit.crm.touchpoints().activity(tom.id()).totalCount()).isEqualTo(2);
        assertThat(kit.crm.touchpoints().leadTimeline(lead.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(result.conversion().touchpointsMoved()).isEqualTo(2);

        Lead converted = kit.leads().get(lead.id());
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.customerId()).isEqualTo(tom.id());
        assertThat(converted.conversion()).isEqualTo(result.conversion());
        assertThat(kit.events(LeadConverted.class)).singleElement().satisfies(e -> {
            assertThat(e.customerId()).isEqualTo(tom.id());
            assertThat(e.organisationId()).isEqualTo(luna.id());
            assertThat(e.by()).isEqualTo(ALICE);
        });
        assertThat(kit.events(CustomerRegistered.class)).hasSize(2);
        assertThat(kit.leads().history(lead.id(), PageRequest.first(10)).items()).last()
                .satisfies(h -> assertThat(h.to()).isEqualTo(LeadStatus.CONVERTED));
        // A converted lead takes no more touchpoints: they belong to the customer now.
        assertThatThrownBy(() -> kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.CALL,
                Direction.OUTBOUND, LeadTestKit.START).build()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining(tom.id().toString());
    }

    @Test
    @DisplayName("is idempotent: converting again returns the first result and creates nothing")
    void idempotent() {
        Lead lead = qualifiedTomWithHistory(kit);
        ConversionResult first = kit.leads().convert(lead.id(), ConversionRequest.builder().withOrganisation().build());
        int events = kit.events.size();
        ConversionResult again = kit.leads().convert(lead.id(), ConversionRequest.builder().withOrganisation().build());

        assertThat(again.alreadyConverted()).isTrue();
        assertThat(again.conversion()).isEqualTo(first.conversion());
        assertThat(again.lead()).isEqualTo(first.lead());
        assertThat(kit.events).hasSize(events);
        assertThat(kit.crm.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    @DisplayName("attaches to the customer with the same e-mail, filling only its empty fields")
    void fillsOnlyEmptyFields() {
        Customer sarah = kit.crm.customers().register(CustomerRegistration.person("Sarah", "Miller").jobTitle("Owner")
                .email("sarah@example.com").attribute("segment", AttributeValue.text("retail")).build());
        Lead lead = kit.qualified(webForm().name("Sarah", "Miller").jobTitle("Director").email("SARAH@example.com")
                .phone("07700 900999").attribute("segment", AttributeValue.text("horeca"))
                .attribute("employees", AttributeValue.integer(3)).owner(BOB).build());

        ConversionResult result = kit.leads().convert(lead.id(), ConversionRequest.PERSON_ONLY);

        assertThat(result.customerCreated()).isFalse();
        assertThat(result.customerId()).isEqualTo(sarah.id());
        assertThat(result.writtenFields()).containsExactly("phones", "attributes.employees", "owner");
        Customer after = kit.crm.customers().get(sarah.id());
        assertThat(after.person().jobTitle()).isEqualTo("Owner");
        assertThat(after.attributes()).containsEntry("segment", AttributeValue.text("retail"))
                .containsEntry("employees", AttributeValue.integer(3));
        assertThat(after.phones()).hasSize(1);
        assertThat(after.emails()).hasSize(1);
        assertThat(kit.crm.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    @DisplayName("overwrites the matched customer's values when asked, and reports what it wrote")
    void overwrites() {
        Customer sarah = kit.crm.customers().register(CustomerRegistration.person("Sarah", "Miller").jobTitle("Owner")
                .phone("07700 900123").attribute("segment", AttributeValue.text("retail")).build());
        Lead lead = kit.qualified(webForm().name("Sarah", "Miller").jobTitle("Director").phone("+447700900123")
                .attribute("segment", AttributeValue.text("horeca")).build());

        ConversionResult result = kit.leads().convert(lead.id(), ConversionRequest.builder().overwrite().build());

        assertThat(result.customerId()).isEqualTo(sarah.id());
        assertThat(result.writtenFields()).containsExactly("jobTitle", "attributes.segment");
        Customer after = kit.crm.customers().get(sarah.id());
        assertThat(after.person().jobTitle()).isEqualTo("Director");
        assertThat(after.attributes()).containsEntry("segment", AttributeValue.text("horeca"));
    }

    @Test
    @DisplayName("matches the organisation by domain, else by name, and fills its empty domain")
    void matchesOrganisation() {
        Customer byDomain = kit.crm.customers().register(CustomerRegistration.organisation("Luna Coffee Ltd")
                .domain("cafe-luna.example").build());
        Customer byName = kit.crm.customers().register(CustomerRegistration.organisation("Sol Bakery").build());
        Lead tomLead = kit.qualified(tom());
        Lead ann = kit.qualified(webForm().name("Ann", "Lee").company(" sol BAKERY ").companyDomain("sol.example")
                .email("ann@sol.example").build());

        ConversionResult tomResult = kit.leads().convert(tomLead.id(), ConversionRequest.builder().withOrganisation().build());
        ConversionResult annResult = kit.leads().convert(ann.id(), ConversionRequest.builder().withOrganisation().build());

        assertThat(tomResult.organisationId()).contains(byDomain.id());
        assertThat(tomResult.organisationCreated()).isFalse();
        assertThat(annResult.organisationId()).contains(byName.id());
        assertThat(annResult.writtenFields()).contains("organisation.domain");
        assertThat(kit.crm.customers().get(byName.id()).organisation().domain()).isEqualTo("sol.example");
        assertThat(kit.crm.customers().get(byDomain.id()).organisation().name()).isEqualTo("Luna Coffee Ltd");
    }

    @Test
    @DisplayName("refuses leads that are not qualified, and a nameless person without a name given")
    void refuses() {
        Lead fresh = kit.leads().capture(tom()).lead();
        assertThatThrownBy(() -> kit.leads().convert(fresh.id(), ConversionRequest.PERSON_ONLY))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("only a QUALIFIED");
        Lead nameless = kit.qualified(webForm().email("someone@example.com").build());
        assertThatThrownBy(() -> kit.leads().convert(nameless.id(), ConversionRequest.PERSON_ONLY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path).containsExactly("givenName"));
        Lead companyless = kit.qualified(webForm().name("Pat", null).build());
        assertThatThrownBy(() -> kit.leads().convert(companyless.id(), ConversionRequest.builder().withOrganisation().build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("createOrganisation");
        assertThatThrownBy(() -> kit.leads().convert(fresh.id(), null)).isInstanceOf(InvalidInputException.class);
        assertThat(kit.crm.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).isEmpty();

        ConversionResult named = kit.leads().convert(nameless.id(),
                ConversionRequest.builder().personName("Sam", "Doe").build());
        assertThat(kit.crm.customers().get(named.customerId()).displayName()).isEqualTo("Sam Doe");
    }

    @Test
    @DisplayName("opens a deal in the default pipeline's first open stage, sourced from the lead and its campaign")
    void opensARealDeal() {
        Pipeline sales = kit.crm.pipelines().installDefault();
        Lead lead = kit.qualified(webForm().name("Tom", "Baker").company("Café Luna").email("tom@cafe-luna.example")
                .owner(BOB).build());

        ConversionResult result = kit.leads().convert(lead.id(), ConversionRequest.builder().by(ALICE)
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31))).build());

        Deal deal = kit.crm.deals().get(result.dealId().orElseThrow());
        assertThat(deal.customerId()).isEqualTo(result.customerId());
        assertThat(deal.sourceLeadId()).isEqualTo(lead.id());
        assertThat(deal.campaign()).isEqualTo("spring-sale");
        assertThat(deal.owner()).isEqualTo(BOB);
        assertThat(deal.name()).isEqualTo("Café Luna – Tom Baker");
        assertThat(deal.amount()).isEqualTo(Money.of("1200.00", "GBP"));
        assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(deal.pipelineId()).isEqualTo(sales.id());
        assertThat(deal.stageId()).isEqualTo(sales.firstStage(StageKind.OPEN).id());
        assertThat(kit.crm.customers().get(result.customerId()).lifecycleStage())
                .isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(kit.events(LeadConverted.class)).singleElement()
                .satisfies(e -> assertThat(e.dealId()).isEqualTo(deal.id()));
        assertThat(kit.leads().convert(lead.id(), ConversionRequest.PERSON_ONLY).dealId()).contains(deal.id());
    }

    @Test
    @DisplayName("a deal that cannot be opened undoes the whole conversion")
    void dealRefused() {
        Lead lead = qualifiedTomWithHistory(kit);
        int events = kit.events.size();
        assertThatThrownBy(() -> kit.leads().convert(lead.id(), ConversionRequest.builder().withOrganisation()
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31))).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Pipeline");
        assertUnconverted(kit, lead, events, 2);
        kit.crm.pipelines().installDefault();
        int afterInstall = kit.events.size();
        assertThatThrownBy(() -> kit.leads().convert(lead.id(), ConversionRequest.builder()
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31))
                        .inPipeline(PipelineId.of(new UUID(4, 4)))).build()))
                .isInstanceOf(NotFoundException.class);
        assertUnconverted(kit, lead, afterInstall, 2);
    }

    @Test
    @DisplayName("opens the deal through the deal port, with the lead as source and its campaign")
    void opensDealThroughThePort() {
        List<LeadDealOpening> openings = new ArrayList<>();
        DealId deal = new DealId(new UUID(9, 9));
        CrmRuntime rt = new CrmRuntime(kit.storage, kit.clock, IdGenerator.uuidV7(kit.clock, new Random(3)), "GB",
                List.of(kit.events::add), new byte[32], LeadDefaults.STANDARD);
        DefaultLeads leads = new DefaultLeads(rt, TenantId.DEFAULT, opening -> {
            openings.add(opening);
            return deal;
        });
        Lead lead = kit.qualified(tom());

        ConversionResult result = leads.convert(lead.id(), ConversionRequest.builder().by(ALICE)
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31)).inPipeline(PipelineId.of(new UUID(4, 4))))
                .build());

        assertThat(result.dealId()).contains(deal);
        assertThat(openings).singleElement().satisfies(o -> {
            assertThat(o.customer()).isEqualTo(result.customerId());
            assertThat(o.lead()).isEqualTo(lead.id());
            assertThat(o.campaign()).isEqualTo("spring-sale");
            assertThat(o.name()).isEqualTo("Café Luna – Tom Baker");
            assertThat(o.owner()).isEqualTo(ALICE);
            assertThat(o.by()).isEqualTo(ALICE);
            assertThat(o.deal().pipeline()).isEqualTo(PipelineId.of(new UUID(4, 4)));
            assertThat(o.deal().amount()).isEqualTo(Money.of("1200.00", "GBP"));
        });
        assertThat(kit.events(LeadConverted.class)).singleElement()
                .satisfies(e -> assertThat(e.dealId()).isEqualTo(deal));

        // A deal needs an owner: the lead's, else the converting user's.
        Lead ownerless = kit.qualified(webForm().name("Ann", "Lee").email("ann@example.com").build());
        assertThatThrownBy(() -> leads.convert(ownerless.id(), ConversionRequest.builder()
                .deal(ConversionDeal.of(Money.of("10.00", "GBP"), LocalDate.of(2027, 1, 31))).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path).containsExactly("deal.owner"));
        assertThat(kit.leads().get(ownerless.id()).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(openings).hasSize(1);
    }

    @Test
    @DisplayName("is one unit of work: a storage failure at any write leaves no customer and an unconverted lead")
    void atomic() {
        FaultyStorage storage = new FaultyStorage();
        LeadTestKit faulty = new LeadTestKit(storage, b -> b);
        Pipeline sales = faulty.crm.pipelines().installDefault();
        Lead lead = qualifiedTomWithHistory(faulty);
        faulty.crm.customers().register(CustomerRegistration.organisation("Unrelated Ltd").build());
        ConversionRequest request = ConversionRequest.builder().by(ALICE).withOrganisation()
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31))).build();

        // How many writes a successful conversion makes, measured on a twin.
        FaultyStorage twinStorage = new FaultyStorage();
        LeadTestKit twin = new LeadTestKit(twinStorage, b -> b);
        twin.crm.pipelines().installDefault();
        Lead twinLead = qualifiedTomWithHistory(twin);
        twin.crm.customers().register(CustomerRegistration.organisation("Unrelated Ltd").build());
        twinStorage.count();
        twin.leads().convert(twinLead.id(), request);
        int writes = twinStorage.writes();
        assertThat(writes).isGreaterThanOrEqualTo(9);

        int events = faulty.events.size();
        for (int n = 1; n <= writes; n++) {
            storage.failAtWrite(n);
            assertThatThrownBy(() -> faulty.leads().convert(lead.id(), request))
                    .isInstanceOf(StorageException.class).hasMessageContaining("injected failure at write");
            assertUnconverted(faulty, lead, events, 2);
            assertThat(faulty.crm.deals().board(sales.id(), sales.firstStage(StageKind.OPEN).id(),
                    PageRequest.first(5)).items()).isEmpty();
        }
        storage.count();
        ConversionResult result = faulty.leads().convert(lead.id(), request);
        assertThat(result.customerCreated()).isTrue();
        assertThat(result.dealId()).isPresent();
        assertThat(faulty.crm.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).hasSize(3);
    }

    private static void assertUnconverted(LeadTestKit kit, Lead lead, int eventsBefore, int touchpoints) {
        Lead now = kit.leads().get(lead.id());
        assertThat(now).isEqualTo(lead);
        assertThat(now.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(kit.crm.customers().list(new CustomerQuery(CustomerKind.PERSON, null, null, true),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(kit.crm.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items())
                .allSatisfy(c -> assertThat(c.displayName()).isNotEqualTo("Café Luna"));
        assertThat(kit.crm.touchpoints().leadTimeline(lead.id(), PageRequest.first(10)).items()).hasSize(touchpoints);
        assertThat(kit.events).hasSize(eventsBefore);
    }
}
