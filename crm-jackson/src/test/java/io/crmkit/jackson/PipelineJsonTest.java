package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealAmountChanged;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealCloseDateChanged;
import io.crmkit.pipeline.DealField;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealLoss;
import io.crmkit.pipeline.DealLost;
import io.crmkit.pipeline.DealOpened;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.DealOutcome;
import io.crmkit.pipeline.DealOwnerChanged;
import io.crmkit.pipeline.DealProbabilityChanged;
import io.crmkit.pipeline.DealReopened;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStageChanged;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.DealWon;
import io.crmkit.pipeline.DefaultPipelineChanged;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.PeriodTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineChanged;
import io.crmkit.pipeline.PipelineDefined;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.pipeline.ProbabilityOnStageChange;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.StageRetired;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.pipeline.StalledThresholds;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.task.TaskPriority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON forms of pipelines, deals, their figures and the pipeline and deal events: every value round-trips, in a
 * stable, readable form, and malformed JSON is refused naming the field.
 */
class PipelineJsonTest {

    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final PipelineId PIPELINE = PipelineId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000a01"));
    private static final PipelineId OTHER_PIPELINE =
            PipelineId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000a02"));
    private static final StageId CONTACT = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b01"));
    private static final StageId PROPOSAL = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b02"));
    private static final StageId WON = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b03"));
    private static final StageId LOST = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b04"));
    private static final StageId OLD = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b05"));
    private static final DealId DEAL = DealId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000c01"));
    private static final CustomerId CUSTOMER = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final LeadId LEAD = LeadId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000cc"));
    private static final EventId EVENT = EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee"));
    private static final LocalDate CLOSE = LocalDate.of(2024, 12, 15);

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new CrmModule());

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static FollowUp followUp() {
        return new FollowUp("Follow up on \"proposal\" ☕", Duration.ofDays(3).plusHours(2).plusSeconds(5),
                TaskPriority.HIGH);
    }

    static Pipeline pipeline() {
        return new Pipeline(PIPELINE, TENANT, 4, "Wholesale — Café", TransitionPolicy.FORWARD_ONLY_NO_SKIP, List.of(
                new Stage(CONTACT, "Initial contact", StageKind.OPEN, 10, ForecastCategory.PIPELINE, null, false),
                new Stage(PROPOSAL, "Proposal sent", StageKind.OPEN, 50, ForecastCategory.BEST_CASE, followUp(),
                        false),
                new Stage(WON, "Won", StageKind.WON, 100, ForecastCategory.CLOSED, null, false),
                new Stage(LOST, "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED,
                        FollowUp.of("Ask for feedback", Duration.ofMinutes(1)), false),
                new Stage(OLD, "Initial contact", StageKind.OPEN, 0, ForecastCategory.OMITTED, null, true)),
                AT.minusSeconds(86_400), AT);
    }

    static Deal openDeal() {
        return new Deal(DEAL, TENANT, 3, "Candles for Café Luna", CUSTOMER, ALICE, eur("1200.00"), CLOSE, PIPELINE,
                PROPOSAL, DealStatus.OPEN, 65, true, AT.minusSeconds(60), LEAD, "christmas-fair", null, null, null,
                AT.minusSeconds(3600), AT);
    }

    static Deal lostDeal() {
        return new Deal(DEAL, TENANT, 5, "Candles", CUSTOMER, BOB, Money.of("0", "JPY"), LocalDate.of(1900, 1, 1),
                PIPELINE, LOST, DealStatus.LOST, 0, false, AT, null, null, AT, "Price", "went with\nthe cheaper one",
                AT.minusSeconds(3600), AT);
    }

    static Deal wonDeal() {
        return new Deal(DEAL, TENANT, 2, "Candles", CUSTOMER, ALICE, eur("0.05"), LocalDate.of(9999, 12, 31),
                PIPELINE, WON, DealStatus.WON, 100, false, AT, null, null, AT, null, null, AT, AT);
    }

    static DealSnapshot snapshot(StageId stage, DealStatus status, int probability, boolean overridden) {
        return new DealSnapshot(stage, status, eur("1200.00"), probability, overridden, CLOSE, ALICE);
    }

    static DealTotals totals() {
        return new DealTotals(5, List.of(
                new MoneyTotal(Currency.getInstance("USD"), 2, Money.of("10.00", "USD"), Money.of("5.00", "USD")),
                new MoneyTotal(Currency.getInstance("EUR"), 3, eur("1200.50"), eur("600.26"))));
    }

    static Stream<Object> values() {
        Pipeline pipeline = pipeline();
        return Stream.of(
                PIPELINE, CONTACT,
                StageKind.OPEN, StageKind.WON, ForecastCategory.BEST_CASE, TransitionPolicy.FREE, DealStatus.LOST,
                DealChangeKind.STAGE_RETIRED, DealField.EXPECTED_CLOSE_DATE, ProbabilityOnStageChange.KEEP_OVERRIDE,
                PipelineChanged.Change.STAGES_REORDERED,
                followUp(), FollowUp.of("Call", Duration.ofDays(366)),
                StageDefinition.open("Proposal sent", 50).forecast(ForecastCategory.COMMIT).followUp(followUp()),
                StageDefinition.won("Won"), StageDefinition.lost("Lost"),
                new StageDefinition(null, null, null, null, null),
                PipelineDefinition.standard(),
                PipelineDefinition.named("Renewals").policy(TransitionPolicy.FORWARD_ONLY_NO_SKIP)
                        .stage(StageDefinition.open("Up for renewal", 40)).stage(StageDefinition.won("Renewed"))
                        .stage(StageDefinition.lost("Churned")).build(),
                new PipelineDefinition(null, null, null), new PipelineDefinition(" ", null, List.of()),
                pipeline.stages().get(1), pipeline.stages().get(4), pipeline,
                PipelineSettings.first(TENANT, null, null, AT),
                new PipelineSettings(TENANT, 3, PIPELINE, List.of("Price", "Zu teuer — später", "\"Other\""), AT),
                openDeal(), wonDeal(), lostDeal(),
                snapshot(PROPOSAL, DealStatus.OPEN, 65, true), snapshot(LOST, DealStatus.LOST, 0, false),
                new DealHistoryEntry(TENANT, DEAL, 1, DealChangeKind.OPENED, AT, ALICE, null,
                        snapshot(CONTACT, DealStatus.OPEN, 10, false), null, null),
                new DealHistoryEntry(TENANT, DEAL, 4, DealChangeKind.LOST, AT, BOB,
                        snapshot(PROPOSAL, DealStatus.OPEN, 65, true), snapshot(LOST, DealStatus.LOST, 0, false),
                        "Price", "went with the cheaper one"),
                DealOpening.builder(CUSTOMER, "Candles for Café Luna", ALICE, eur("1200.00"), CLOSE)
                        .pipeline(PIPELINE).stage(PROPOSAL).probability(65).sourceLead(LEAD).campaign("fair")
                        .by(BOB).build(),
                DealOpening.builder(CUSTOMER, "Candles", ALICE, eur("0.00"), CLOSE).build(),
                new DealOpening(null, null, null, null, null, null, null, null, null, null, null),
                DealLoss.because("Price", ALICE).note("cheaper elsewhere").inStage(LOST),
                new DealLoss(null, null, null, null),
                new DealOutcome(openDeal(), new LifecycleChange.Advanced(CrmModuleTest.person(), LifecycleStage.LEAD,
                        LifecycleStage.OPPORTUNITY)),
                new DealOutcome(wonDeal(), new LifecycleChange.Unchanged(CrmModuleTest.person())),
                new DealOutcome(wonDeal(), new LifecycleChange.Refused(CrmModuleTest.person(),
                        LifecycleStage.EVANGELIST, LifecycleStage.CUSTOMER, "moves forward only")),
                new LifecycleChange.Advanced(CrmModuleTest.person(), LifecycleStage.OPPORTUNITY,
                        LifecycleStage.CUSTOMER),
                new MoneyTotal(Currency.getInstance("BHD"), 1, Money.of("1.234", "BHD"), Money.of("0.617", "BHD")),
                DealTotals.NONE, totals(),
                new StageSummary(pipeline.stages().get(0), totals()),
                new PipelineSummary(PIPELINE, List.of(new StageSummary(pipeline.stages().get(0), totals()),
                        new StageSummary(pipeline.stages().get(2), DealTotals.NONE))),
                new PipelineSummary(PIPELINE, List.of()),
                new PeriodTotals(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), totals(), DealTotals.NONE,
                        totals()),
                StalledThresholds.days(14), StalledThresholds.none(),
                StalledThresholds.days(14).stage(PROPOSAL, 7).stage(CONTACT, StalledThresholds.MAX_DAYS),
                new DealOpened(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, CONTACT, eur("1200.00"), 10, ALICE, LEAD,
                        "fair", BOB),
                new DealOpened(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, CONTACT, eur("1200.00"), 10, ALICE, null,
                        null, ALICE),
                new DealStageChanged(EVENT, TENANT, DEAL, AT, PIPELINE, CONTACT, PROPOSAL, DealStatus.OPEN,
                        eur("1200.00"), 50, ALICE),
                new DealAmountChanged(EVENT, TENANT, DEAL, AT, eur("1200.00"), eur("999.99"), BOB),
                new DealProbabilityChanged(EVENT, TENANT, DEAL, AT, 50, 65, true, ALICE),
                new DealProbabilityChanged(EVENT, TENANT, DEAL, AT, 65, 50, false, ALICE),
                new DealCloseDateChanged(EVENT, TENANT, DEAL, AT, CLOSE, LocalDate.of(2025, 1, 31), ALICE),
                new DealOwnerChanged(EVENT, TENANT, DEAL, AT, ALICE, BOB, UserId.of("carol")),
                new DealWon(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, WON, eur("1200.00"), ALICE),
                new DealLost(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, LOST, "Price", "cheaper\nelsewhere", BOB),
                new DealLost(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, LOST, "Timing", null, BOB),
                new DealReopened(EVENT, TENANT, DEAL, AT, PIPELINE, DealStatus.WON, PROPOSAL, ALICE),
                new PipelineDefined(EVENT, TENANT, PIPELINE, AT, "Sales", 6),
                new PipelineChanged(EVENT, TENANT, PIPELINE, AT, 2, PipelineChanged.Change.STAGE_ADDED, PROPOSAL),
                new PipelineChanged(EVENT, TENANT, PIPELINE, AT, 3, PipelineChanged.Change.RENAMED, null),
                new StageRetired(EVENT, TENANT, PIPELINE, AT, 5, OLD, CONTACT, 12, ALICE),
                new StageRetired(EVENT, TENANT, PIPELINE, AT, 5, OLD, null, 0, ALICE),
                new DefaultPipelineChanged(EVENT, TENANT, PIPELINE, AT, null),
                new DefaultPipelineChanged(EVENT, TENANT, PIPELINE, AT, OTHER_PIPELINE));
    }

    @ParameterizedTest
    @MethodSource("values")
    void every_value_round_trips(Object value) throws Exception {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, value.getClass())).isEqualTo(value);
        if (value instanceof LifecycleChange) {
            assertThat(mapper.readValue(json, LifecycleChange.class)).isEqualTo(value);
        }
        if (value instanceof DomainEvent) {
            assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void forms_do_not_depend_on_the_host_mapper_configuration(Object value) throws Exception {
        ObjectMapper host = new ObjectMapper().registerModule(new CrmModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(SerializationFeature.WRITE_ENUMS_USING_INDEX)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        String json = mapper.writeValueAsString(value);
        assertThat(host.writeValueAsString(value)).isEqualTo(json);
        assertThat(host.readValue(json, value.getClass())).isEqualTo(value);
    }

    @Test
    void a_deal_is_readable_json() throws Exception {
        assertThat(mapper.writeValueAsString(openDeal())).isEqualTo("{\"id\":\"" + DEAL + "\",\"tenantId\":\"shop-1\","
                + "\"version\":3,\"name\":\"Candles for Café Luna\",\"customerId\":\"" + CUSTOMER + "\","
                + "\"owner\":\"alice\",\"amount\":{\"amount\":\"1200.00\",\"currency\":\"EUR\"},"
                + "\"expectedCloseDate\":\"2024-12-15\",\"pipelineId\":\"" + PIPELINE + "\",\"stageId\":\"" + PROPOSAL
                + "\",\"status\":\"OPEN\",\"probability\":65,\"probabilityOverridden\":true,"
                + "\"stageEnteredAt\":\"2024-05-01T10:14:30.123456Z\",\"sourceLeadId\":\"" + LEAD + "\","
                + "\"campaign\":\"christmas-fair\",\"createdAt\":\"2024-05-01T09:15:30.123456Z\","
                + "\"updatedAt\":\"2024-05-01T10:15:30.123456Z\"}");
        JsonNode lost = mapper.valueToTree(lostDeal());
        assertThat(lost.get("amount").toString()).isEqualTo("{\"amount\":\"0\",\"currency\":\"JPY\"}");
        assertThat(lost.get("lostReason").asText()).isEqualTo("Price");
        assertThat(lost.get("closedAt").asText()).isEqualTo("2024-05-01T10:15:30.123456Z");
        assertThat(lost.has("sourceLeadId")).isFalse();
    }

    @Test
    void pipelines_and_figures_are_readable_json() throws Exception {
        JsonNode pipeline = mapper.valueToTree(pipeline());
        assertThat(pipeline.get("policy").asText()).isEqualTo("FORWARD_ONLY_NO_SKIP");
        JsonNode proposal = pipeline.get("stages").get(1);
        assertThat(proposal.toString()).isEqualTo("{\"id\":\"" + PROPOSAL + "\",\"name\":\"Proposal sent\","
                + "\"kind\":\"OPEN\",\"probability\":50,\"forecastCategory\":\"BEST_CASE\",\"followUp\":{"
                + "\"subject\":\"Follow up on \\\"proposal\\\" ☕\",\"dueAfter\":\"PT74H5S\",\"priority\":\"HIGH\"},"
                + "\"retired\":false}");
        assertThat(pipeline.get("stages").get(4).get("retired").asBoolean()).isTrue();
        assertThat(mapper.writeValueAsString(totals())).isEqualTo("{\"count\":5,\"byCurrency\":["
                + "{\"currency\":\"EUR\",\"count\":3,\"amount\":{\"amount\":\"1200.50\",\"currency\":\"EUR\"},"
                + "\"weightedAmount\":{\"amount\":\"600.26\",\"currency\":\"EUR\"}},"
                + "{\"currency\":\"USD\",\"count\":2,\"amount\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
                + "\"weightedAmount\":{\"amount\":\"5.00\",\"currency\":\"USD\"}}]}");
        assertThat(mapper.writeValueAsString(StalledThresholds.days(14).stage(PROPOSAL, 7)))
                .isEqualTo("{\"defaultDays\":14,\"stageDays\":{\"" + PROPOSAL + "\":7}}");
        assertThat(mapper.writeValueAsString(StalledThresholds.none())).isEqualTo("{\"stageDays\":{}}");
        assertThat(mapper.writeValueAsString(StageDefinition.open("Demo", 25)))
                .isEqualTo("{\"name\":\"Demo\",\"kind\":\"OPEN\",\"probability\":25}");
        JsonNode outcome = mapper.valueToTree(new DealOutcome(wonDeal(),
                new LifecycleChange.Refused(CrmModuleTest.person(), LifecycleStage.EVANGELIST,
                        LifecycleStage.CUSTOMER, "moves forward only")));
        assertThat(outcome.get("lifecycle").get("type").asText()).isEqualTo("Refused");
        assertThat(outcome.get("lifecycle").get("requested").asText()).isEqualTo("CUSTOMER");
        assertThat(outcome.get("lifecycle").get("customer").get("id").asText()).isEqualTo(CUSTOMER.toString());
    }

    @Test
    void events_carry_the_shared_type_discriminator() throws Exception {
        DomainEvent event = new DealStageChanged(EVENT, TENANT, DEAL, AT, PIPELINE, CONTACT, PROPOSAL,
                DealStatus.OPEN, eur("1200.00"), 50, ALICE);
        assertThat(mapper.writeValueAsString(event)).isEqualTo("{\"type\":\"DealStageChanged\",\"eventId\":\""
                + EVENT + "\",\"tenantId\":\"shop-1\",\"occurredAt\":\"2024-05-01T10:15:30.123456Z\",\"dealId\":\""
                + DEAL + "\",\"pipelineId\":\"" + PIPELINE + "\",\"fromStage\":\"" + CONTACT + "\",\"toStage\":\""
                + PROPOSAL + "\",\"status\":\"OPEN\",\"amount\":{\"amount\":\"1200.00\",\"currency\":\"EUR\"},"
                + "\"probability\":50,\"by\":\"alice\"}");
        List<DomainEvent> events = values().filter(DomainEvent.class::isInstance).map(DomainEvent.class::cast)
                .toList();
        String list = mapper.writerFor(new TypeReference<List<DomainEvent>>() {
        }).writeValueAsString(events);
        assertThat(mapper.<List<DomainEvent>>readValue(list, new TypeReference<>() {
        })).isEqualTo(events);
        assertThatThrownBy(() -> mapper.readValue(mapper.writeValueAsString(event), DealWon.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("DealWon");
    }

    @Test
    void pipeline_and_stage_ids_are_uuid_strings_and_map_keys() throws Exception {
        assertThat(mapper.writeValueAsString(PROPOSAL)).isEqualTo("\"" + PROPOSAL + "\"");
        Map<StageId, Long> perStage = Map.of(PROPOSAL, 3L);
        String json = mapper.writeValueAsString(perStage);
        assertThat(json).isEqualTo("{\"" + PROPOSAL + "\":3}");
        assertThat(mapper.<Map<StageId, Long>>readValue(json, new TypeReference<>() {
        })).isEqualTo(perStage);
        Map<PipelineId, DealId> pipelines = Map.of(PIPELINE, DEAL);
        assertThat(mapper.<Map<PipelineId, DealId>>readValue(mapper.writeValueAsString(pipelines),
                new TypeReference<>() {
                })).isEqualTo(pipelines);
        assertThatThrownBy(() -> mapper.readValue("{\"nope\":3}", new TypeReference<Map<StageId, Long>>() {
        })).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("\"0190a1b2\"", PipelineId.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("pipelineId");
    }

    @Test
    void enums_are_read_by_their_name_only() throws Exception {
        ObjectMapper lenient = new ObjectMapper().registerModule(new CrmModule())
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        assertThat(lenient.readValue("\"COMMIT\"", ForecastCategory.class)).isEqualTo(ForecastCategory.COMMIT);
        assertThatThrownBy(() -> lenient.readValue("\"commit\"", ForecastCategory.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("forecastCategory must be one of");
        assertThatThrownBy(() -> lenient.readValue("2", StageKind.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("stageKind");
    }

    @Test
    void malformed_pipeline_json_is_refused_naming_the_field() throws Exception {
        String deal = mapper.writeValueAsString(openDeal());
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"probability\":65", "\"probability\":\"high\""),
                Deal.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("deal.probability must be a whole number");
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"probability\":65", "\"probability\":101"),
                Deal.class)).isInstanceOf(MismatchedInputException.class)
                .hasCauseInstanceOf(InvalidInputException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"status\":\"OPEN\"", "\"status\":\"PENDING\""),
                Deal.class)).isInstanceOf(MismatchedInputException.class).hasMessageContaining("deal.status");
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"expectedCloseDate\":\"2024-12-15\"",
                "\"expectedCloseDate\":\"15.12.2024\""), Deal.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("deal.expectedCloseDate must be an ISO-8601 date");
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"stageId\":\"" + PROPOSAL + "\",", ""), Deal.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("deal.stageId is required");
        assertThatThrownBy(() -> mapper.readValue(deal.replace("\"amount\":\"1200.00\"", "\"amount\":1200.0"),
                Deal.class)).isInstanceOf(MismatchedInputException.class).hasMessageContaining("money.amount");
        assertThatThrownBy(() -> mapper.readValue("{\"subject\":\"Call\",\"dueAfter\":\"3 days\"}", FollowUp.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("followUp.dueAfter must be an ISO-8601 duration");
        assertThatThrownBy(() -> mapper.readValue("{\"subject\":\"Call\",\"dueAfter\":\"PT1S\"}", FollowUp.class))
                .isInstanceOf(MismatchedInputException.class).hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dueAfter");
        String pipeline = mapper.writeValueAsString(pipeline());
        assertThatThrownBy(() -> mapper.readValue(pipeline.replace("\"kind\":\"WON\"", "\"kind\":\"OPEN\""),
                Pipeline.class)).isInstanceOf(MismatchedInputException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mapper.readValue(pipeline.replace("\"policy\":\"FORWARD_ONLY_NO_SKIP\"",
                "\"policy\":\"ANY\""), Pipeline.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("pipeline.policy must be one of [FREE, FORWARD_ONLY_NO_SKIP]");
        assertThatThrownBy(() -> mapper.readValue("{\"stages\":{}}", PipelineDefinition.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("pipelineDefinition.stages must be a JSON array");
        assertThatThrownBy(() -> mapper.readValue("{\"tenantId\":\"shop-1\",\"version\":1,\"lostReasons\":[],"
                + "\"updatedAt\":\"2024-05-01T10:15:30Z\"}", PipelineSettings.class))
                .isInstanceOf(MismatchedInputException.class).hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lostReasons");
        assertThatThrownBy(() -> mapper.readValue("{\"currency\":\"XYZ\",\"count\":1,\"amount\":{\"amount\":\"1\","
                + "\"currency\":\"EUR\"},\"weightedAmount\":{\"amount\":\"1\",\"currency\":\"EUR\"}}",
                MoneyTotal.class)).isInstanceOf(MismatchedInputException.class)
                .hasCauseInstanceOf(InvalidInputException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> mapper.readValue("{\"count\":2,\"byCurrency\":[]}", DealTotals.class))
                .isInstanceOf(MismatchedInputException.class).hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> mapper.readValue("{\"stageDays\":{\"proposal\":7}}", StalledThresholds.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("stalledThresholds.stageDays key 'proposal' must be a UUID");
        assertThatThrownBy(() -> mapper.readValue("{\"stageDays\":{\"" + PROPOSAL + "\":0}}",
                StalledThresholds.class)).isInstanceOf(MismatchedInputException.class)
                .hasCauseInstanceOf(InvalidInputException.class).hasMessageContaining("stageDays");
        assertThatThrownBy(() -> mapper.readValue("{\"defaultDays\":1.5}", StalledThresholds.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("stalledThresholds.defaultDays");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Moved\",\"customer\":{}}", LifecycleChange.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("lifecycleChange.type 'Moved'");
        String unchanged = mapper.writeValueAsString(new LifecycleChange.Unchanged(CrmModuleTest.person()));
        assertThatThrownBy(() -> mapper.readValue(unchanged, LifecycleChange.Advanced.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"probability\":\"fifty\"}", StageDefinition.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("stageDefinition.probability must be a whole number");
        assertThatThrownBy(() -> mapper.readValue("{\"customerId\":\"x\"}", DealOpening.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("dealOpening.customerId");
    }

    @Test
    void malformed_events_are_refused_naming_the_field() throws Exception {
        String won = mapper.writeValueAsString(new DealWon(EVENT, TENANT, DEAL, AT, CUSTOMER, PIPELINE, WON,
                eur("1200.00"), ALICE));
        assertThatThrownBy(() -> mapper.readValue(won.replace("\"stageId\":\"" + WON + "\",", ""),
                DomainEvent.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("event.stageId is required");
        assertThatThrownBy(() -> mapper.readValue(won.replace("\"by\":\"alice\"", "\"by\":7"), DomainEvent.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("event.by must be a string");
        String changed = mapper.writeValueAsString(new PipelineChanged(EVENT, TENANT, PIPELINE, AT, 2,
                PipelineChanged.Change.RENAMED, null));
        assertThatThrownBy(() -> mapper.readValue(changed.replace("RENAMED", "DELETED"), DomainEvent.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("event.change must be one of");
        String probability = mapper.writeValueAsString(new DealProbabilityChanged(EVENT, TENANT, DEAL, AT, 50, 65,
                true, ALICE));
        assertThatThrownBy(() -> mapper.readValue(probability.replace("\"to\":65", "\"to\":4294967296"),
                DomainEvent.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("event.to is out of range");
    }
}
