package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.ProbabilityOnStageChange;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same random data stored in the in-memory reference adapter and in a database: every query, page by page, gives
 * the same answer. Ids are random UUIDs (half of them with the top bit set, where signed and unsigned order differ)
 * and instants collide often, so that the tie-breaks of every order are exercised.
 */
class DifferentialTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Instant[] INSTANTS = {Instant.parse("2023-01-01T00:00:00Z"),
        Instant.parse("2023-06-01T12:00:00.000001Z"), Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00.000002Z"), Instant.parse("2025-03-04T05:06:07.890123Z")};

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_query_answers_as_the_reference_adapter_does(DatabaseKind kind) {
        CrmStorage db = DATABASES.storage(kind);
        CrmStorage ref = new InMemoryCrmStorage();
        TenantId tenant = Fixtures.newTenant();
        Random random = new Random(kind.ordinal() * 7919L + 17);

        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CustomerId id = new CustomerId(new UUID(random.nextLong(), random.nextLong()));
            customers.add(id);
            boolean person = random.nextBoolean();
            Customer c = new Customer(id, tenant, 1, person ? CustomerKind.PERSON : CustomerKind.ORGANISATION,
                    person ? new PersonProfile("P" + i, null, null) : null,
                    person ? null : new OrganisationProfile("O" + i, null, null, null), null, null, null,
                    random.nextBoolean() ? Set.of("a") : Set.of("a", "b"), null, null, null, null, null,
                    LifecycleStage.values()[random.nextInt(3)], INSTANTS[0], INSTANTS[0],
                    random.nextInt(4) == 0 ? INSTANTS[1] : null);
            both(db, ref, tenant, c);
        }
        for (int i = 0; i < 40; i++) {
            CustomerId from = customers.get(random.nextInt(8));
            CustomerId to = customers.get(random.nextInt(customers.size()));
            if (!from.equals(to)) {
                Relationship r = new Relationship(new RelationshipId(new UUID(random.nextLong(), random.nextLong())),
                        tenant, from, RelationshipType.REFERRED_BY, to, INSTANTS[2]);
                db.relationships().insert(tenant, r);
                ref.relationships().insert(tenant, r);
            }
        }
        for (int batch = 0; batch < 6; batch++) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Channel channel = Channel.values()[random.nextInt(4) == 0 ? 9 : random.nextInt(4)];
                String source = random.nextInt(3) == 0 ? null : "s" + random.nextInt(250);
                touchpoints.add(Fixtures.touchpoint(tenant, customers.get(random.nextInt(6)), channel,
                        INSTANTS[random.nextInt(INSTANTS.length)], source,
                        new TouchpointId(new UUID(random.nextLong(), random.nextLong()))));
            }
            assertThat(db.touchpoints().insertAll(tenant, touchpoints))
                    .isEqualTo(ref.touchpoints().insertAll(tenant, touchpoints));
        }

        for (int size : new int[] {1, 3, 50}) {
            for (CustomerQuery query : List.of(CustomerQuery.ALL, CustomerQuery.ACTIVE, CustomerQuery.tagged("b"),
                    CustomerQuery.inStage(LifecycleStage.LEAD), new CustomerQuery(CustomerKind.ORGANISATION,
                            LifecycleStage.SUBSCRIBER, "a", true))) {
                assertThat(allCustomers(db, tenant, query, size)).as(query + " by " + size)
                        .isEqualTo(allCustomers(ref, tenant, query, size));
            }
        }
        for (CustomerId customer : customers.subList(0, 8)) {
            for (int size : new int[] {1, 4, 100}) {
                assertThat(allRelationships(db, tenant, customer, size))
                        .isEqualTo(allRelationships(ref, tenant, customer, size));
            }
            assertThat(db.touchpoints().activity(tenant, customer)).isEqualTo(ref.touchpoints().activity(tenant,
                    customer));
            for (TimelineQuery query : List.of(TimelineQuery.ALL, TimelineQuery.of(Channel.PURCHASE),
                    TimelineQuery.of(Channel.EMAIL, Channel.CHAT).direction(Direction.INBOUND),
                    TimelineQuery.ALL.between(INSTANTS[1], INSTANTS[3]), TimelineQuery.ALL.between(null, INSTANTS[2]),
                    TimelineQuery.ALL.between(INSTANTS[1].plusNanos(1), INSTANTS[3].plusNanos(999)),
                    TimelineQuery.ALL.between(INSTANTS[1].minusNanos(1), INSTANTS[3].minusNanos(1)),
                    new TimelineQuery(EnumSet.of(Channel.CALL, Channel.PURCHASE), Direction.OUTBOUND, INSTANTS[0],
                            null))) {
                for (int size : new int[] {1, 7, 500}) {
                    assertThat(timeline(db, tenant, customer, query, size)).as(query + " by " + size)
                            .isEqualTo(timeline(ref, tenant, customer, query, size));
                }
            }
        }
        List<Instant> edges = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, Instant.MAX.minusSeconds(1),
                Instant.EPOCH.minusSeconds(1L << 40), Instant.parse("9999-12-31T23:59:59.9999995Z")));
        for (Instant instant : INSTANTS) {
            edges.addAll(List.of(instant, instant.plusNanos(1), instant.minusNanos(1)));
        }
        for (Instant edge : edges) {
            if (edge.equals(Instant.MAX)) {
                continue; // TimelineQuery rounds its bounds up to a microsecond, which Instant.MAX has no room for
            }
            TimelineQuery from = TimelineQuery.ALL.between(edge, null);
            TimelineQuery until = TimelineQuery.ALL.between(null, edge);
            for (CustomerId customer : customers.subList(0, 3)) {
                assertThat(timeline(db, tenant, customer, from, 5)).isEqualTo(timeline(ref, tenant, customer, from, 5));
                assertThat(timeline(db, tenant, customer, until, 5))
                        .isEqualTo(timeline(ref, tenant, customer, until, 5));
            }
        }
        for (Instant cutoff : edges) {
            {
                for (int size : new int[] {1, 2, 100}) {
                    assertThat(lapsed(db, tenant, cutoff, size)).isEqualTo(lapsed(ref, tenant, cutoff, size));
                }
                // positions between two microseconds, as a caller of the SPI may pass them
                CustomerId someone = customers.get(0);
                TimelinePosition position = new TimelinePosition(cutoff, new TouchpointId(new UUID(0, 0)));
                assertThat(db.touchpoints().timeline(tenant, someone, TimelineQuery.ALL, position, 500))
                        .isEqualTo(ref.touchpoints().timeline(tenant, someone, TimelineQuery.ALL, position, 500));
                LapsedPosition lapsedPosition = new LapsedPosition(cutoff, someone);
                assertThat(db.touchpoints().lapsedBuyers(tenant, INSTANTS[4].plusSeconds(1), lapsedPosition, 500))
                        .isEqualTo(ref.touchpoints().lapsedBuyers(tenant, INSTANTS[4].plusSeconds(1),
                                lapsedPosition, 500));
            }
        }
    }

    /**
     * Batches larger than the adapter's chunk: some chunks hold no duplicate, some re-deliver stored sources, some
     * hold no sourced touchpoint at all, and a chunk after one with duplicates is stored just the same. Every outcome,
     * timeline and activity answers as the reference adapter does.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void batches_split_into_chunks_answer_as_the_reference_adapter_does(DatabaseKind kind) {
        CrmStorage db = DATABASES.database(kind).builder().batchSize(7).build();
        CrmStorage ref = new InMemoryCrmStorage();
        TenantId tenant = Fixtures.newTenant();
        Random random = new Random(kind.ordinal() * 104729L + 5);
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Customer c = Fixtures.person(tenant, "P" + i);
            customers.add(c.id());
            both(db, ref, tenant, c);
        }
        for (int batch = 0; batch < 8; batch++) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
                // the first batch has only new sources; batch 3 none at all; the others re-deliver many
                String source = batch == 3 ? null : "s" + (batch == 0 ? i : random.nextInt(120));
                touchpoints.add(Fixtures.touchpoint(tenant, customers.get(random.nextInt(customers.size())), channel,
                        INSTANTS[random.nextInt(INSTANTS.length)], source,
                        new TouchpointId(randomUuid(random))));
            }
            assertThat(db.touchpoints().insertAll(tenant, touchpoints)).as("batch %d", batch)
                    .isEqualTo(ref.touchpoints().insertAll(tenant, touchpoints));
        }
        for (CustomerId customer : customers) {
            assertThat(timeline(db, tenant, customer, TimelineQuery.ALL, 500))
                    .isEqualTo(timeline(ref, tenant, customer, TimelineQuery.ALL, 500));
            assertThat(db.touchpoints().activity(tenant, customer))
                    .isEqualTo(ref.touchpoints().activity(tenant, customer));
        }
    }

    /**
     * Pipelines, deals (moved, won, lost, reopened, with their history) and tasks with random ids, colliding dates
     * and instants, the first and last storable dates and instants: every list, page by page, every figure and every
     * bound (also between two microseconds, outside the storable years, empty and reversed ranges) answers as the
     * reference adapter does.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_deal_and_task_query_answers_as_the_reference_adapter_does(DatabaseKind kind) {
        CrmStorage db = DATABASES.storage(kind);
        CrmStorage ref = new InMemoryCrmStorage();
        TenantId tenant = Fixtures.newTenant();
        Random random = new Random(kind.ordinal() * 104_729L + 3);
        List<Pipeline> pipelines = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Pipeline pipeline = new Pipeline(new PipelineId(randomUuid(random)), tenant, 1, "P" + p,
                    TransitionPolicy.FREE, List.of(
                    new Stage(new StageId(randomUuid(random)), "A", StageKind.OPEN, 10, ForecastCategory.PIPELINE,
                            null, false),
                    new Stage(new StageId(randomUuid(random)), "B", StageKind.OPEN, 60, ForecastCategory.COMMIT,
                            null, false),
                    new Stage(new StageId(randomUuid(random)), "W", StageKind.WON, 100, ForecastCategory.CLOSED,
                            null, false),
                    new Stage(new StageId(randomUuid(random)), "L", StageKind.LOST, 0, ForecastCategory.OMITTED,
                            null, false)), INSTANTS[0], INSTANTS[0]);
            pipelines.add(pipeline);
            db.pipelines().insert(tenant, pipeline);
            ref.pipelines().insert(tenant, pipeline);
        }
        List<UserId> owners = List.of(UserId.of("ann"), UserId.of("Ann"), UserId.of("bo"));
        List<CustomerId> customers = List.of(new CustomerId(randomUuid(random)), new CustomerId(randomUuid(random)),
                new CustomerId(randomUuid(random)));
        LocalDate[] dates = {Deal.MIN_DATE, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 2), Deal.MAX_DATE};
        List<String> currencies = List.of("EUR", "JPY", "BHD");
        Map<DealId, Deal> deals = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            Pipeline pipeline = pipelines.get(random.nextInt(2));
            Instant at = INSTANTS[random.nextInt(INSTANTS.length)];
            Currency currency = Currency.getInstance(currencies.get(random.nextInt(currencies.size())));
            Deal deal = new Deal(new DealId(randomUuid(random)), tenant, 1, "D" + i, customers.get(random.nextInt(3)),
                    owners.get(random.nextInt(3)), Money.of(BigDecimal.valueOf(random.nextInt(100_000),
                    currency.getDefaultFractionDigits()), currency), dates[random.nextInt(dates.length)],
                    pipeline.id(), pipeline.stages().get(random.nextInt(2)).id(), DealStatus.OPEN,
                    random.nextInt(101), true, at, null, null, null, null, null, at, at);
            for (CrmStorage s : List.of(db, ref)) {
                s.inTransaction(tenant, tx -> {
                    s.deals().insert(tenant, deal);
                    s.deals().append(tenant, Fixtures.opened(deal));
                    return null;
                });
            }
            deals.put(deal.id(), deal);
        }
        for (int step = 0; step < 60; step++) {
            Deal before = new ArrayList<>(deals.values()).get(random.nextInt(deals.size()));
            Pipeline pipeline = pipelines.stream().filter(p -> p.id().equals(before.pipelineId())).findFirst()
                    .orElseThrow();
            Instant now = INSTANTS[random.nextInt(INSTANTS.length)];
            Deal after;
            DealChangeKind change;
            if (!before.isOpen()) {
                after = before.reopen(pipeline.stages().get(random.nextInt(2)), now);
                change = DealChangeKind.REOPENED;
            } else if (random.nextInt(3) == 0) {
                after = before.win(pipeline.stages().get(2), now);
                change = DealChangeKind.WON;
            } else if (random.nextInt(3) == 0) {
                after = before.lose(pipeline.stages().get(3), "Price", null, now);
                change = DealChangeKind.LOST;
            } else if (random.nextBoolean()) {
                Stage target = pipeline.stages().get(before.stageId().equals(pipeline.stages().get(0).id()) ? 1 : 0);
                after = before.moveTo(target, ProbabilityOnStageChange.KEEP_OVERRIDE, now);
                change = DealChangeKind.STAGE_CHANGED;
            } else {
                after = before.withExpectedCloseDate(dates[random.nextInt(dates.length)], now)
                        .withOwner(owners.get(random.nextInt(3)), now);
                after = new Deal(after.id(), tenant, before.version() + 1, after.name(), after.customerId(),
                        after.owner(), after.amount(), after.expectedCloseDate(), after.pipelineId(), after.stageId(),
                        after.status(), after.probability(), after.probabilityOverridden(), after.stageEnteredAt(),
                        after.sourceLeadId(), after.campaign(), after.closedAt(), after.lostReason(),
                        after.lostNote(), after.createdAt(), after.updatedAt());
                change = DealChangeKind.OWNER_CHANGED;
                if (after.snapshot().equals(before.snapshot())) {
                    continue;
                }
            }
            Deal saved = after;
            DealHistoryEntry entry = DealHistoryEntry.of(before, saved, change, owners.get(0));
            for (CrmStorage s : List.of(db, ref)) {
                s.inTransaction(tenant, tx -> {
                    s.deals().update(tenant, saved);
                    s.deals().append(tenant, entry);
                    return null;
                });
            }
            deals.put(saved.id(), saved);
        }
        List<TaskId> taskIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Instant due = INSTANTS[random.nextInt(INSTANTS.length)];
            boolean open = random.nextInt(4) != 0;
            Task task = new Task(new TaskId(randomUuid(random)), tenant, 1, "T" + i, null, due,
                    owners.get(random.nextInt(3)), TaskPriority.NORMAL,
                    random.nextBoolean() ? customers.get(random.nextInt(3)) : null,
                    random.nextBoolean() ? new LeadId(customers.get(random.nextInt(3)).value()) : null,
                    random.nextBoolean() ? new ArrayList<>(deals.keySet()).get(random.nextInt(3)) : null,
                    open ? TaskStatus.OPEN : TaskStatus.DONE, open ? null : INSTANTS[4], open ? null : owners.get(2),
                    INSTANTS[0], INSTANTS[4]);
            db.tasks().insert(tenant, task);
            ref.tasks().insert(tenant, task);
            taskIds.add(task.id());
        }

        for (int size : new int[] {1, 100}) {
            assertThat(pages(p -> db.pipelines().list(tenant, p, size), Pipeline::id))
                    .isEqualTo(pages(p -> ref.pipelines().list(tenant, p, size), Pipeline::id));
        }
        for (Deal deal : deals.values()) {
            assertThat(db.deals().find(tenant, deal.id())).isEqualTo(ref.deals().find(tenant, deal.id()));
            for (Long before : new Long[] {null, 2L, 3L}) {
                assertThat(db.deals().history(tenant, deal.id(), before, 2))
                        .isEqualTo(ref.deals().history(tenant, deal.id(), before, 2));
            }
        }
        List<DealStatus> statuses = new ArrayList<>(List.of(DealStatus.values()));
        statuses.add(null);
        for (int size : new int[] {1, 7, 100}) {
            for (Pipeline pipeline : pipelines) {
                for (Stage stage : pipeline.stages()) {
                    assertThat(pages(a -> db.deals().inStage(tenant, pipeline.id(), stage.id(), a, size), Deal::id))
                            .isEqualTo(pages(a -> ref.deals().inStage(tenant, pipeline.id(), stage.id(), a, size),
                                    Deal::id));
                }
            }
            for (UserId owner : owners) {
                for (DealStatus status : statuses) {
                    assertThat(pages(a -> db.deals().ofOwner(tenant, owner, status, a, size), Deal::id))
                            .isEqualTo(pages(a -> ref.deals().ofOwner(tenant, owner, status, a, size), Deal::id));
                }
            }
            for (CustomerId customer : customers) {
                assertThat(pages(a -> db.deals().ofCustomer(tenant, customer, a, size), Deal::id))
                        .isEqualTo(pages(a -> ref.deals().ofCustomer(tenant, customer, a, size), Deal::id));
                assertThat(pages(a -> db.tasks().ofCustomer(tenant, customer, a, size), DuePosition::of))
                        .isEqualTo(pages(a -> ref.tasks().ofCustomer(tenant, customer, a, size), DuePosition::of));
                LeadId lead = new LeadId(customer.value());
                assertThat(pages(a -> db.tasks().ofLead(tenant, lead, a, size), DuePosition::of))
                        .isEqualTo(pages(a -> ref.tasks().ofLead(tenant, lead, a, size), DuePosition::of));
            }
            for (DealId deal : new ArrayList<>(deals.keySet()).subList(0, 3)) {
                assertThat(pages(a -> db.tasks().ofDeal(tenant, deal, a, size), DuePosition::of))
                        .isEqualTo(pages(a -> ref.tasks().ofDeal(tenant, deal, a, size), DuePosition::of));
            }
        }
        List<LocalDate> dateBounds = new ArrayList<>(List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1, 1, 1),
                LocalDate.of(1899, 12, 31), LocalDate.of(10_000, 1, 1)));
        dateBounds.addAll(List.of(dates));
        for (DealStatus status : statuses) {
            for (int k = 0; k < 12; k++) {
                LocalDate from = random.nextInt(4) == 0 ? null : dateBounds.get(random.nextInt(dateBounds.size()));
                LocalDate to = random.nextInt(4) == 0 ? null : dateBounds.get(random.nextInt(dateBounds.size()));
                int size = 1 + random.nextInt(6);
                assertThat(pages(a -> db.deals().byExpectedCloseDate(tenant, from, to, status, a, size),
                        DealDatePosition::of)).as("%s to %s, %s", from, to, status)
                        .isEqualTo(pages(a -> ref.deals().byExpectedCloseDate(tenant, from, to, status, a, size),
                                DealDatePosition::of));
                DealDatePosition position = new DealDatePosition(dateBounds.get(random.nextInt(dateBounds.size())),
                        new DealId(randomUuid(random)));
                assertThat(db.deals().byExpectedCloseDate(tenant, from, to, status, position, 100))
                        .isEqualTo(ref.deals().byExpectedCloseDate(tenant, from, to, status, position, 100));
            }
        }
        List<Instant> instants = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, Timestamps.MIN, Timestamps.MAX,
                Instant.parse("9999-12-31T23:59:59.9999995Z")));
        for (Instant instant : INSTANTS) {
            instants.addAll(List.of(instant, instant.plusNanos(1), instant.minusNanos(1)));
        }
        for (Pipeline pipeline : pipelines) {
            assertThat(db.deals().stageTotals(tenant, pipeline.id()))
                    .isEqualTo(ref.deals().stageTotals(tenant, pipeline.id()));
            for (int k = 0; k < 10; k++) {
                LocalDate from = dateBounds.get(random.nextInt(dateBounds.size()));
                LocalDate to = dateBounds.get(random.nextInt(dateBounds.size()));
                assertThat(db.deals().openTotals(tenant, pipeline.id(), from, to)).as("%s to %s", from, to)
                        .isEqualTo(ref.deals().openTotals(tenant, pipeline.id(), from, to));
                Instant since = instants.get(random.nextInt(instants.size()));
                Instant until = instants.get(random.nextInt(instants.size()));
                for (DealStatus status : statuses.subList(0, 3)) {
                    assertThat(db.deals().closedTotals(tenant, pipeline.id(), status, since, until))
                            .as("%s from %s until %s", status, since, until)
                            .isEqualTo(ref.deals().closedTotals(tenant, pipeline.id(), status, since, until));
                }
            }
            for (Stage stage : pipeline.stages().subList(0, 2)) {
                for (Instant cutoff : instants) {
                    assertThat(pages(a -> db.deals().enteredStageBefore(tenant, pipeline.id(), stage.id(), cutoff, a,
                            3), StageEntryPosition::of)).as("before %s", cutoff)
                            .isEqualTo(pages(a -> ref.deals().enteredStageBefore(tenant, pipeline.id(), stage.id(),
                                    cutoff, a, 3), StageEntryPosition::of));
                    StageEntryPosition position = new StageEntryPosition(cutoff, new DealId(randomUuid(random)));
                    assertThat(db.deals().enteredStageBefore(tenant, pipeline.id(), stage.id(), Instant.MAX, position,
                            100)).isEqualTo(ref.deals().enteredStageBefore(tenant, pipeline.id(), stage.id(),
                            Instant.MAX, position, 100));
                }
            }
        }
        List<UserId> assignees = new ArrayList<>(owners);
        assignees.add(null);
        for (UserId assignee : assignees) {
            for (int k = 0; k < 12; k++) {
                Instant from = random.nextInt(3) == 0 ? null : instants.get(random.nextInt(instants.size()));
                Instant before = random.nextInt(3) == 0 ? null : instants.get(random.nextInt(instants.size()));
                int size = 1 + random.nextInt(5);
                assertThat(pages(a -> db.tasks().open(tenant, assignee, from, before, a, size), DuePosition::of))
                        .as("%s from %s before %s", assignee, from, before)
                        .isEqualTo(pages(a -> ref.tasks().open(tenant, assignee, from, before, a, size),
                                DuePosition::of));
                DuePosition position = new DuePosition(instants.get(random.nextInt(instants.size())),
                        new TaskId(randomUuid(random)));
                assertThat(db.tasks().open(tenant, assignee, from, before, position, 100))
                        .isEqualTo(ref.tasks().open(tenant, assignee, from, before, position, 100));
            }
        }
        for (TaskId id : taskIds) {
            assertThat(db.tasks().find(tenant, id)).isEqualTo(ref.tasks().find(tenant, id));
        }
    }

    /** Half of the ids have the top bit set, where signed and unsigned order differ. */
    private static UUID randomUuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Every item of a paged list, each slice continuing after the last item of the one before. */
    private static <T, P> List<T> pages(java.util.function.Function<P, Slice<T>> fetch,
                                        java.util.function.Function<T, P> position) {
        List<T> all = new ArrayList<>();
        P after = null;
        while (true) {
            Slice<T> slice = fetch.apply(after);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = position.apply(slice.items().get(slice.items().size() - 1));
        }
    }

    private static void both(CrmStorage db, CrmStorage ref, TenantId tenant, Customer customer) {
        db.customers().insert(tenant, customer);
        ref.customers().insert(tenant, customer);
    }

    private static List<Customer> allCustomers(CrmStorage s, TenantId tenant, CustomerQuery query, int size) {
        List<Customer> all = new ArrayList<>();
        CustomerId after = null;
        while (true) {
            Slice<Customer> slice = s.customers().list(tenant, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }

    private static List<Relationship> allRelationships(CrmStorage s, TenantId tenant, CustomerId customer, int size) {
        List<Relationship> all = new ArrayList<>();
        RelationshipId after = null;
        while (true) {
            Slice<Relationship> slice = s.relationships().involving(tenant, customer, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }

    private static List<Touchpoint> timeline(CrmStorage s, TenantId tenant, CustomerId customer, TimelineQuery query,
                                             int size) {
        List<Touchpoint> all = new ArrayList<>();
        TimelinePosition after = null;
        while (true) {
            Slice<Touchpoint> slice = s.touchpoints().timeline(tenant, customer, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = TimelinePosition.of(slice.items().get(slice.items().size() - 1));
        }
    }

    private static List<CustomerActivity> lapsed(CrmStorage s, TenantId tenant, Instant cutoff, int size) {
        List<CustomerActivity> all = new ArrayList<>();
        LapsedPosition after = null;
        while (true) {
            Slice<CustomerActivity> slice = s.touchpoints().lapsedBuyers(tenant, cutoff, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            CustomerActivity last = slice.items().get(slice.items().size() - 1);
            after = new LapsedPosition(last.lastPurchaseAt(), last.customerId());
        }
    }
}
