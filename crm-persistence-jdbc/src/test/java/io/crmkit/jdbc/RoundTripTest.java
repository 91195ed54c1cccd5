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
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
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
