package io.crmkit.jdbc;

import static io.crmkit.jdbc.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.FaultyDataSource;
import io.crmkit.jdbc.testing.FaultyDataSource.Fault;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadSource;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.ProbabilityOnStageChange;
import io.crmkit.pipeline.Stage;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A unit of work that fails at any of its statements, or loses its connection there, leaves the database exactly as
 * it was: for every N from the first statement to the commit.
 */
class FaultInjectionTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final List<String> TABLES = List.of("crm_customer", "crm_customer_email", "crm_customer_phone",
            "crm_customer_tag", "crm_relationship", "crm_touchpoint", "crm_customer_activity", "crm_pipeline",
            "crm_pipeline_stage", "crm_pipeline_settings", "crm_deal", "crm_deal_history", "crm_deal_stage_total",
            "crm_task", "crm_lead", "crm_lead_status_history", "crm_lead_source", "crm_lead_sequence",
            "crm_lead_settings");

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            for (Fault fault : Fault.values()) {
                cases.add(Arguments.of(kind, fault));
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void a_customer_update_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        run(kind, fault, tenant -> {
            Customer customer = Fixtures.fullPerson(tenant);
            return List.of(customer);
        }, (storage, setUp) -> {
            Customer before = (Customer) setUp.get(0);
            TenantId tenant = before.tenantId();
            storage.customers().update(tenant, before.toBuilder().version(2).tags(Set.of("vip", "new"))
                    .emails(List.of(new EmailContact(EmailAddress.parse("new@example.com"), null, true)))
                    .phones(List.of(new PhoneContact(PhoneNumber.ofE164("+4930123456"), null, false))).build());
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void a_batch_ingest_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        run(kind, fault, tenant -> {
            Customer customer = Fixtures.person(tenant, "Buyer");
            List<Object> setUp = new ArrayList<>(List.of(customer));
            for (int i = 0; i < 5; i++) {
                setUp.add(Fixtures.touchpoint(tenant, customer.id(), Channel.EMAIL, T0.plusSeconds(i), "old-" + i));
            }
            return setUp;
        }, (storage, setUp) -> {
            Customer customer = (Customer) setUp.get(0);
            TenantId tenant = customer.tenantId();
            List<Touchpoint> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                batch.add(Fixtures.touchpoint(tenant, i % 2 == 0 ? customer.id() : Fixtures.customerId(),
                        i % 3 == 0 ? Channel.PURCHASE : Channel.CALL, T0.plusSeconds(100 + i),
                        i < 4 ? "old-" + i : "new-" + i));
            }
            storage.touchpoints().insertAll(tenant, batch);
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void a_unit_of_work_of_several_stores_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        run(kind, fault, tenant -> List.of(Fixtures.person(tenant, "Lead")), (storage, setUp) -> {
            Customer lead = (Customer) setUp.get(0);
            TenantId tenant = lead.tenantId();
            storage.inTransaction(tenant, tx -> {
                Customer company = Fixtures.fullOrganisation(tenant);
                storage.customers().insert(tenant, company);
                storage.customers().update(tenant, lead.toBuilder().version(2).tags(Set.of("converted")).build());
                storage.relationships().insert(tenant, Fixtures.relationship(tenant, lead.id(), company.id()));
                storage.touchpoints().insertAll(tenant, List.of(Fixtures.fullPurchase(tenant, lead.id(), "o-9")));
                return null;
            });
        });
    }

    /** A deal moved into a stage with a follow-up: the deal, its stage totals, its history and the new task. */
    @ParameterizedTest
    @MethodSource("cases")
    void a_deal_move_with_its_history_entry_and_follow_up_task_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        run(kind, fault, FaultInjectionTest::dealInItsPipeline, (storage, setUp) -> {
            Pipeline pipeline = (Pipeline) setUp.get(0);
            Deal before = (Deal) setUp.get(1);
            TenantId tenant = before.tenantId();
            Stage target = pipeline.stages().get(2);
            Deal moved = before.moveTo(target, ProbabilityOnStageChange.STAGE_DEFAULT, T0.plusSeconds(60));
            FollowUp followUp = target.followUp();
            storage.inTransaction(tenant, tx -> {
                storage.deals().update(tenant, moved);
                storage.deals().append(tenant, DealHistoryEntry.of(before, moved, DealChangeKind.STAGE_CHANGED,
                        Fixtures.BOB));
                storage.tasks().insert(tenant, Task.create(Fixtures.taskId(), tenant, followUp.subject(), null,
                        moved.stageEnteredAt().plus(followUp.dueAfter()), moved.owner(), followUp.priority(),
                        moved.customerId(), null, moved.id(), moved.stageEnteredAt()));
                return null;
            });
        });
    }

    /** The same through the public API, whose unit of work also reads the deal and its pipeline. */
    @ParameterizedTest
    @MethodSource("cases")
    void a_deal_moved_through_the_public_api_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        Crm[] crm = new Crm[1];
        run(kind, fault, FaultInjectionTest::dealInItsPipeline, (storage, setUp) -> {
            if (crm[0] == null) {
                crm[0] = Crm.builder().storage(storage).build();
            }
            Pipeline pipeline = (Pipeline) setUp.get(0);
            Deal deal = (Deal) setUp.get(1);
            crm[0].tenant(deal.tenantId()).deals().moveStage(deal.id(), deal.version(), pipeline.stages().get(2).id(),
                    Fixtures.BOB);
        });
    }

    /** A pipeline whose third stage declares a follow-up, an open deal in its first stage, and a task of the deal. */
    private static List<Object> dealInItsPipeline(TenantId tenant) {
        Pipeline pipeline = Fixtures.fullPipeline(tenant);
        Deal deal = Fixtures.openDeal(tenant, pipeline.id(), pipeline.stages().get(0).id(), Money.of("1200.00", "EUR"));
        Task task = Fixtures.task(tenant, Fixtures.ALICE, T0);
        return List.of(pipeline, deal, new Task(task.id(), tenant, 1, "Send the brochure", null, T0, Fixtures.ALICE,
                TaskPriority.LOW, deal.customerId(), null, deal.id(), TaskStatus.OPEN, null, null, T0, T0));
    }

    /**
     * A lead's conversion through {@link Crm}: the person customer (and its look-up rows), the organisation, the
     * "works at" relationship, the person's lifecycle stage, the lead's touchpoints moved into the person's history
     * with its activity row (counts, last touchpoint, last purchase), the converted lead and its history entry, all in
     * one unit of work.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void a_lead_conversion_is_all_or_nothing(DatabaseKind kind, Fault fault) {
        ConversionRequest request = ConversionRequest.builder().by(UserId.of("alice")).withOrganisation().build();
        run(kind, fault, tenant -> {
            TenantScope scope = Crm.builder().storage(DATABASES.storage(kind)).build().tenant(tenant);
            Lead lead = scope.leads().capture(LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM)
                    .campaign("spring")).name("Tom", "Baker").company("Café Luna").companyDomain("cafe-luna.example")
                    .email("tom@cafe-luna.example").phone("+44 7700 900456").sourceRef("webforms", "tom-1").build())
                    .lead();
            scope.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.WEB_VISIT, Direction.INBOUND,
                    T0).source("web", "visit-1").build());
            scope.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.PURCHASE, Direction.INBOUND,
                    T0.plusSeconds(60)).purchase(Money.of("42.50", "EUR"), "1001").build());
            scope.leads().acceptAsSalesQualified(lead.id(), UserId.of("alice"), new BantChecklist(
                    BantItem.confirmed("yes"), BantItem.confirmed("yes"), BantItem.confirmed("yes"),
                    BantItem.confirmed("yes")));
            return List.of(lead.id(), tenant);
        }, (storage, setUp) -> {
            TenantId tenant = (TenantId) setUp.get(1);
            Crm.builder().storage(storage).build().tenant(tenant).leads().convert((LeadId) setUp.get(0), request);
        });
    }

    /**
     * Sets up a tenant through a sound storage, counts the statements of {@code operation} in a dry run on another
     * tenant, then for every N runs it on a fresh tenant failing at the N-th, and compares every row of the tenant.
     */
    private void run(DatabaseKind kind, Fault fault, Function<TenantId, List<Object>> setUp,
                     BiConsumer<CrmStorage, List<Object>> operation) {
        TestDatabase db = DATABASES.database(kind);
        JdbcCrmStorage sound = DATABASES.storage(kind);
        FaultyDataSource faulty = new FaultyDataSource(db.dataSource());
        JdbcCrmStorage storage = JdbcCrmStorage.builder(faulty).migrate(false).batchSize(10).build();

        List<Object> dry = prepare(sound, setUp, Fixtures.newTenant());
        faulty.arm(0, fault);
        operation.accept(storage, dry);
        int points = faulty.disarm();
        assertThat(points).as("statements and commit of the operation").isGreaterThan(2);

        for (int n = 1; n <= points; n++) {
            TenantId tenant = Fixtures.newTenant();
            List<Object> data = prepare(sound, setUp, tenant);
            List<List<String>> before = snapshot(db, tenant);
            faulty.arm(n, fault);
            assertThatThrownBy(() -> operation.accept(storage, data)).as("failing at %d of %d", n, points)
                    .isInstanceOf(StorageException.class).hasMessageContaining("injected");
            faulty.disarm();
            assertThat(snapshot(db, tenant)).as("after failing at %d of %d", n, points).isEqualTo(before);
        }
        // and the storage still works after all those failures
        List<Object> data = prepare(sound, setUp, Fixtures.newTenant());
        operation.accept(storage, data);
    }

    private static List<Object> prepare(CrmStorage storage, Function<TenantId, List<Object>> setUp, TenantId tenant) {
        List<Object> data = setUp.apply(tenant);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (Object o : data) {
            if (o instanceof Customer) {
                storage.customers().insert(tenant, (Customer) o);
            } else if (o instanceof Touchpoint) {
                touchpoints.add((Touchpoint) o);
            } else if (o instanceof Pipeline) {
                storage.pipelines().insert(tenant, (Pipeline) o);
            } else if (o instanceof Deal) {
                Deal deal = (Deal) o;
                storage.inTransaction(tenant, tx -> {
                    storage.deals().insert(tenant, deal);
                    storage.deals().append(tenant, Fixtures.opened(deal));
                    return null;
                });
            } else if (o instanceof Task) {
                storage.tasks().insert(tenant, (Task) o);
            }
        }
        if (!touchpoints.isEmpty()) {
            storage.touchpoints().insertAll(tenant, touchpoints);
        }
        return data;
    }

    /** Every row of every crmkit table of {@code tenant}, as text, in a stable order. */
    private static List<List<String>> snapshot(TestDatabase db, TenantId tenant) {
        List<List<String>> rows = new ArrayList<>();
        for (String table : TABLES) {
            for (List<Object> row : db.query("SELECT * FROM " + table + " WHERE tenant_id = ?", tenant.value())) {
                List<String> text = new ArrayList<>();
                text.add(table);
                for (Object value : row) {
                    text.add(value instanceof byte[] ? Arrays.toString((byte[]) value) : String.valueOf(value));
                }
                rows.add(text);
            }
        }
        rows.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        return rows;
    }
}
