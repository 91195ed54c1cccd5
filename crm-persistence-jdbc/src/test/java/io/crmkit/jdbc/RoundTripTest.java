package io.crmkit.jdbc;

import static io.crmkit.jdbc.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.Relationship;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.LeadFixtures;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.task.Task;
import io.crmkit.touchpoint.Touchpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every field of every record reads back equal, on every database. */
class RoundTripTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void customers_round_trip_every_field(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer person = Fixtures.fullPerson(tenant);
        Customer organisation = Fixtures.fullOrganisation(tenant);
        storage.customers().insert(tenant, person);
        storage.customers().insert(tenant, organisation);

        assertThat(storage.customers().find(tenant, person.id())).contains(person);
        assertThat(storage.customers().find(tenant, organisation.id())).contains(organisation);
        assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("SARAH@example.com")))
                .containsExactly(person);
        assertThat(storage.customers().findByPhone(tenant, PhoneNumber.ofE164("+442079460958")))
                .containsExactly(person);
        assertThat(storage.customers().existing(tenant, List.of(person.id(), Fixtures.customerId())))
                .containsExactly(person.id());

        Customer changed = person.toBuilder().version(2).tags(Set.of("new")).emails(List.of())
                .lifecycleStage(LifecycleStage.EVANGELIST).archivedAt(null).updatedAt(T0.plusSeconds(3600)).build();
        storage.customers().update(tenant, changed);
        assertThat(storage.customers().find(tenant, person.id())).contains(changed);
        assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("sarah@example.com"))).isEmpty();
        assertThat(storage.customers().list(tenant, CustomerQuery.tagged("new"), null, 10).items())
                .containsExactly(changed);
        assertThat(storage.customers().list(tenant, CustomerQuery.tagged("vip"), null, 10).items()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void relationships_round_trip(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        CustomerId a = Fixtures.customerId();
        CustomerId b = Fixtures.customerId();
        Relationship r = Fixtures.relationship(tenant, a, b);
        storage.relationships().insert(tenant, r);
        assertThat(storage.relationships().find(tenant, r.id())).contains(r);
        assertThat(storage.relationships().find(tenant, a, r.type(), b)).contains(r);
        assertThat(storage.relationships().find(tenant, b, r.type(), a)).isEmpty();
        assertThat(storage.relationships().involving(tenant, b, null, 5).items()).containsExactly(r);
        assertThat(storage.relationships().delete(tenant, r.id())).isTrue();
        assertThat(storage.relationships().delete(tenant, r.id())).isFalse();
        assertThat(storage.relationships().find(tenant, r.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void touchpoints_round_trip_every_field(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        CustomerId customer = Fixtures.customerId();
        Touchpoint purchase = Fixtures.fullPurchase(tenant, customer, "order-1");
        Touchpoint call = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0, null);
        List<IngestOutcome> outcomes = storage.touchpoints().insertAll(tenant, List.of(purchase, call));
        assertThat(outcomes).containsExactly(new IngestOutcome(purchase, false), new IngestOutcome(call, false));
        assertThat(storage.touchpoints().find(tenant, purchase.id())).contains(purchase);
        assertThat(storage.touchpoints().find(tenant, call.id())).contains(call);
        Slice<Touchpoint> timeline = storage.touchpoints().timeline(tenant, customer,
                io.crmkit.touchpoint.TimelineQuery.ALL, null, 10);
        assertThat(timeline.items()).containsExactly(call, purchase);
        CustomerActivity activity = storage.touchpoints().activity(tenant, customer);
        assertThat(activity).isEqualTo(new CustomerActivity(customer,
                Map.of(Channel.PURCHASE, 1L, Channel.CALL, 1L), call.id(), call.occurredAt(),
                purchase.occurredAt()));
        assertThat(storage.touchpoints().lapsedBuyers(tenant, T0, null, 10).items()).containsExactly(activity);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void leads_round_trip_every_field(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer related = Fixtures.person(tenant, "Related");
        storage.customers().insert(tenant, related);
        Lead full = LeadFixtures.fullLead(tenant, related.id());
        Lead minimal = LeadFixtures.minimalLead(tenant, "only@example.com");
        storage.leads().insert(tenant, full);
        storage.leads().insert(tenant, minimal);

        assertThat(storage.leads().find(tenant, full.id())).contains(full);
        assertThat(storage.leads().find(tenant, minimal.id())).contains(minimal);
        assertThat(storage.leads().findByEmail(tenant, EmailAddress.parse("zoe.obrien@EXAMPLE.com")))
                .containsExactly(full);
        assertThat(storage.leads().findByPhone(tenant, PhoneNumber.ofE164("+442079460958"))).containsExactly(full);
        assertThat(storage.leads().list(tenant, LeadQuery.ALL.ownedBy(UserId.of("alice@example.com")), null, 10)
                .items()).containsExactly(full);

        Lead converted = LeadFixtures.converted(full, Fixtures.customerId());
        storage.leads().update(tenant, converted);
        assertThat(storage.leads().find(tenant, full.id())).contains(converted);
        Lead emptied = minimal.toBuilder().version(2).email(null).phone(new PhoneNumber("+4915112345678", null))
                .givenName("Only").status(LeadStatus.DISQUALIFIED).disqualificationReason("Zu teuer — später")
                .updatedAt(Fixtures.T0.plusSeconds(1)).build();
        storage.leads().update(tenant, emptied);
        assertThat(storage.leads().find(tenant, minimal.id())).contains(emptied);
        assertThat(storage.leads().findByEmail(tenant, EmailAddress.parse("only@example.com"))).isEmpty();

        LeadStatusChange change = new LeadStatusChange(full.id(), 42, Fixtures.T0.plusNanos(1000),
                UserId.of("bob"), LeadStatus.QUALIFIED, LeadStatus.CONVERTED, "r".repeat(499) + "✓");
        storage.leads().appendHistory(tenant, change);
        assertThat(storage.leads().history(tenant, full.id(), 41, 10).items()).containsExactly(change);
        assertThat(storage.leads().history(tenant, full.id(), 42, 10).items()).isEmpty();
        assertThat(storage.leads().claimSource(tenant, full.sourceRef(), full.id())).isEmpty();
        assertThat(storage.leads().findBySource(tenant, full.sourceRef())).contains(full.id());
        storage.leads().saveSettings(tenant, LeadFixtures.fullSettings());
        assertThat(storage.leads().settings(tenant)).contains(LeadFixtures.fullSettings());
        String longName = "round-robin:" + "s".repeat(188);
        assertThat(storage.leads().nextInSequence(tenant, longName)).isEqualTo(1);
        assertThat(storage.leads().nextInSequence(tenant, longName)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lead_touchpoints_round_trip_and_move_with_every_field(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        LeadId lead = LeadFixtures.leadId();
        Touchpoint purchase = LeadFixtures.fullLeadPurchase(tenant, lead, "lead-order-1");
        Touchpoint visit = LeadFixtures.leadTouchpoint(tenant, lead, Channel.WEB_VISIT, Fixtures.T0, null);
        assertThat(storage.touchpoints().insertAll(tenant, List.of(purchase, visit)))
                .containsExactly(new IngestOutcome(purchase, false), new IngestOutcome(visit, false));
        assertThat(storage.touchpoints().find(tenant, purchase.id())).contains(purchase);
        assertThat(storage.touchpoints().leadTimeline(tenant, lead, io.crmkit.touchpoint.TimelineQuery.ALL, null,
                10).items()).containsExactly(visit, purchase);

        CustomerId customer = Fixtures.customerId();
        long moved = storage.inTransaction(tenant, tx -> storage.touchpoints().moveLeadTouchpoints(tenant, lead,
                customer));
        assertThat(moved).isEqualTo(2);
        assertThat(storage.touchpoints().find(tenant, purchase.id())).contains(purchase.movedTo(customer));
        assertThat(storage.touchpoints().timeline(tenant, customer, io.crmkit.touchpoint.TimelineQuery.ALL, null, 10)
                .items()).containsExactly(visit.movedTo(customer), purchase.movedTo(customer));
        assertThat(storage.touchpoints().activity(tenant, customer)).isEqualTo(new CustomerActivity(customer,
                Map.of(Channel.PURCHASE, 1L, Channel.WEB_VISIT, 1L), visit.id(), visit.occurredAt(),
                purchase.occurredAt()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void organisations_are_found_by_domain_or_by_name_ignoring_case(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer cafe = Fixtures.fullOrganisation(tenant);
        Customer shouty = Customer.builder().id(Fixtures.customerId()).tenantId(tenant)
                .organisation(new io.crmkit.customer.OrganisationProfile("CAFÉ LUNA", null, null, null))
                .createdAt(Fixtures.T0).updatedAt(Fixtures.T0).build();
        Customer turkish = Customer.builder().id(Fixtures.customerId()).tenantId(tenant)
                .organisation(new io.crmkit.customer.OrganisationProfile("İstanbul Çay", "istanbul.example", null,
                        null)).createdAt(Fixtures.T0).updatedAt(Fixtures.T0).build();
        Customer archived = Customer.builder().id(Fixtures.customerId()).tenantId(tenant)
                .organisation(new io.crmkit.customer.OrganisationProfile("Café Luna", "cafe-luna.example", null,
                        null)).createdAt(Fixtures.T0).updatedAt(Fixtures.T0).archivedAt(Fixtures.T0).build();
        Customer person = Fixtures.person(tenant, "Café Luna");
        for (Customer c : List.of(cafe, shouty, turkish, archived, person)) {
            storage.customers().insert(tenant, c);
        }
        java.util.Comparator<Customer> byId = java.util.Comparator.comparing(Customer::id);

        assertThat(storage.customers().findOrganisations(tenant, " CAFE-LUNA.example ", null)).containsExactly(cafe);
        assertThat(storage.customers().findOrganisations(tenant, null, "  café luna ")).containsExactlyElementsOf(
                java.util.stream.Stream.of(cafe, shouty).sorted(byId).toList());
        assertThat(storage.customers().findOrganisations(tenant, "istanbul.example", "Café Luna"))
                .containsExactlyElementsOf(java.util.stream.Stream.of(cafe, shouty, turkish).sorted(byId).toList());
        assertThat(storage.customers().findOrganisations(tenant, null, "istanbul çay")).containsExactly(turkish);
        assertThat(storage.customers().findOrganisations(tenant, null, "Cafe Luna")).isEmpty();
        assertThat(storage.customers().findOrganisations(Fixtures.newTenant(), "cafe-luna.example", "Café Luna"))
                .isEmpty();

        Customer renamed = cafe.toBuilder().version(cafe.version() + 1)
                .organisation(new io.crmkit.customer.OrganisationProfile("Luna Roasters", null, null, null)).build();
        storage.customers().update(tenant, renamed);
        assertThat(storage.customers().findOrganisations(tenant, "cafe-luna.example", "café luna"))
                .containsExactly(shouty);
        assertThat(storage.customers().findOrganisations(tenant, null, "LUNA ROASTERS")).containsExactly(renamed);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pipelines_settings_deals_history_and_tasks_round_trip_every_field(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Pipeline pipeline = Fixtures.fullPipeline(tenant);
        Pipeline minimal = Fixtures.minimalPipeline(tenant);
        storage.pipelines().insert(tenant, pipeline);
        storage.pipelines().insert(tenant, minimal);
        PipelineSettings settings = Fixtures.settings(tenant, pipeline.id());
        storage.pipelines().saveSettings(tenant, settings);

        assertThat(storage.pipelines().find(tenant, pipeline.id())).contains(pipeline);
        assertThat(storage.pipelines().find(tenant, minimal.id())).contains(minimal);
        assertThat(storage.pipelines().settings(tenant)).contains(settings);
        assertThat(storage.pipelines().list(tenant, null, 10).items()).containsExactly(pipeline, minimal);

        StageId first = pipeline.stages().get(0).id();
        StageId lostStage = pipeline.stages().get(5).id();
        Deal lost = Fixtures.fullLostDeal(tenant, pipeline.id(), lostStage);
        Deal open = Fixtures.openDeal(tenant, pipeline.id(), first, Money.of("0.0003", "CLF"));
        Deal yen = new Deal(Fixtures.dealId(), tenant, 1, "Yen", Fixtures.customerId(), Fixtures.BOB,
                Money.of("12345678901234567890123456789012345678", "JPY"), LocalDate.of(1900, 1, 1), pipeline.id(),
                first, DealStatus.OPEN, 37, true, T0, null, null, null, null, null, T0, T0);
        DealHistoryEntry lostEntry = new DealHistoryEntry(tenant, lost.id(), 7, DealChangeKind.LOST, lost.updatedAt(),
                Fixtures.BOB, new DealSnapshot(first, DealStatus.OPEN, lost.amount(), 99, true,
                        LocalDate.of(1900, 1, 1), Fixtures.ALICE), lost.snapshot(), lost.lostReason(), lost.lostNote());
        for (Deal deal : List.of(lost, open, yen)) {
            storage.inTransaction(tenant, tx -> {
                storage.deals().insert(tenant, deal);
                storage.deals().append(tenant, Fixtures.opened(deal));
                return null;
            });
        }
        storage.deals().append(tenant, lostEntry);

        for (Deal deal : List.of(lost, open, yen)) {
            assertThat(storage.deals().find(tenant, deal.id())).contains(deal);
        }
        assertThat(open.weightedAmount()).isEqualTo(Money.of("0.0001", "CLF"));
        assertThat(storage.deals().history(tenant, lost.id(), null, 10).items())
                .containsExactly(lostEntry, Fixtures.opened(lost));
        assertThat(storage.deals().stageTotals(tenant, pipeline.id())).isEqualTo(Map.of(
                first, DealTotals.of(List.of(open, yen)), lostStage, DealTotals.of(List.of(lost))));
        assertThat(storage.deals().ofCustomer(tenant, yen.customerId(), null, 5).items()).containsExactly(yen);

        Task task = Fixtures.fullDoneTask(tenant);
        storage.tasks().insert(tenant, task);
        assertThat(storage.tasks().find(tenant, task.id())).contains(task);
        assertThat(storage.tasks().ofDeal(tenant, task.dealId(), null, 5).items()).containsExactly(task);
        assertThat(storage.tasks().ofLead(tenant, task.leadId(), null, 5).items()).containsExactly(task);
        assertThat(storage.tasks().open(tenant, null, null, null, null, 5).items()).isEmpty();
    }
}
