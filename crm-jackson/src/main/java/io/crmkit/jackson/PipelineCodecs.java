package io.crmkit.jackson;

import static io.crmkit.jackson.JsonOut.date;
import static io.crmkit.jackson.JsonOut.duration;
import static io.crmkit.jackson.JsonOut.enumValue;
import static io.crmkit.jackson.JsonOut.instant;
import static io.crmkit.jackson.JsonOut.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import io.crmkit.task.TaskPriority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of crmkit's pipeline values (pipelines, stages and their definitions, follow-ups, a tenant's pipeline
 * settings), deals (the deal, its opening, loss, outcome, history entries and their snapshots), the figures
 * (totals per currency, stage and pipeline summaries, period totals), stalled-deal thresholds, the pipeline enums, and
 * the pipeline and deal events. Internal to this module; {@link CrmModule} registers them.
 *
 * <p>Objects are named after their record components; ids are UUID strings, users plain strings, amounts
 * {@code Money} objects, probabilities and counts JSON numbers, dates ISO-8601 dates, instants ISO-8601
 * instants in UTC, durations ISO-8601 durations ({@code "PT72H"}), enums their constant's name; absent values are left
 * out. {@link DealOpening}, {@link DealLoss}, {@link StageDefinition} and {@link PipelineDefinition} are requests,
 * checked when submitted: they are read as given, a missing value stays null, so that the submission reports every
 * problem at once.
 */
final class PipelineCodecs {

    private PipelineCodecs() {
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static void user(JsonGenerator g, String field, UserId user) throws IOException {
        JsonOut.value(g, field, user, ValueCodecs.USER_ID);
    }

    private static void stage(JsonGenerator g, String field, StageId stage) throws IOException {
        JsonOut.value(g, field, stage, ValueCodecs.STAGE_ID);
    }

    private static void pipeline(JsonGenerator g, String field, PipelineId pipeline) throws IOException {
        JsonOut.value(g, field, pipeline, ValueCodecs.PIPELINE_ID);
    }

    private static void deal(JsonGenerator g, String field, DealId deal) throws IOException {
        JsonOut.value(g, field, deal, ValueCodecs.DEAL_ID);
    }

    private static void customer(JsonGenerator g, String field, CustomerId customer) throws IOException {
        JsonOut.value(g, field, customer, ValueCodecs.CUSTOMER_ID);
    }

    private static void lead(JsonGenerator g, String field, LeadId lead) throws IOException {
        JsonOut.value(g, field, lead, ValueCodecs.LEAD_ID);
    }

    private static void money(JsonGenerator g, String field, Money money) throws IOException {
        JsonOut.value(g, field, money, ValueCodecs.MONEY);
    }

    private static void number(JsonGenerator g, String field, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value);
        }
    }

    // ---- pipelines -----------------------------------------------------------------------------------------------

    static final Codec<FollowUp> FOLLOW_UP = new Codec<>() {
        @Override
        public void write(JsonGenerator g, FollowUp f) throws IOException {
            g.writeStartObject();
            g.writeStringField("subject", f.subject());
            duration(g, "dueAfter", f.dueAfter());
            enumValue(g, "priority", f.priority());
            g.writeEndObject();
        }

        @Override
        public FollowUp read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "followUp");
            return new FollowUp(in.text("subject"), in.duration("dueAfter"),
                    in.optEnum("priority", TaskPriority.class));
        }
    };

    static final Codec<StageDefinition> STAGE_DEFINITION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, StageDefinition d) throws IOException {
            g.writeStartObject();
            text(g, "name", d.name());
            enumValue(g, "kind", d.kind());
            number(g, "probability", d.probability());
            enumValue(g, "forecastCategory", d.forecastCategory());
            JsonOut.value(g, "followUp", d.followUp(), FOLLOW_UP);
            g.writeEndObject();
        }

        @Override
        public StageDefinition read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "stageDefinition");
            return new StageDefinition(in.optText("name"), in.optEnum("kind", StageKind.class),
                    in.optInt("probability"), in.optEnum("forecastCategory", ForecastCategory.class),
                    in.optValue("followUp", FOLLOW_UP));
        }
    };

    static final Codec<PipelineDefinition> PIPELINE_DEFINITION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PipelineDefinition d) throws IOException {
            g.writeStartObject();
            text(g, "name", d.name());
            enumValue(g, "policy", d.policy());
            if (d.stages() != null) {
                JsonOut.list(g, "stages", d.stages(), STAGE_DEFINITION);
            }
            g.writeEndObject();
        }

        @Override
        public PipelineDefinition read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "pipelineDefinition");
            List<StageDefinition> stages = in.opt("stages") == null ? null : in.list("stages", STAGE_DEFINITION);
            return new PipelineDefinition(in.optText("name"), in.optEnum("policy", TransitionPolicy.class), stages);
        }
    };

    static final Codec<Stage> STAGE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Stage s) throws IOException {
            g.writeStartObject();
            stage(g, "id", s.id());
            g.writeStringField("name", s.name());
            enumValue(g, "kind", s.kind());
            g.writeNumberField("probability", s.probability());
            enumValue(g, "forecastCategory", s.forecastCategory());
            JsonOut.value(g, "followUp", s.followUp(), FOLLOW_UP);
            g.writeBooleanField("retired", s.retired());
            g.writeEndObject();
        }

        @Override
        public Stage read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "stage");
            return new Stage(in.id("id", StageId::new), in.text("name"), in.enumValue("kind", StageKind.class),
                    in.intValue("probability"), in.enumValue("forecastCategory", ForecastCategory.class),
                    in.optValue("followUp", FOLLOW_UP), in.bool("retired", false));
        }
    };

    static final Codec<Pipeline> PIPELINE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Pipeline p) throws IOException {
            g.writeStartObject();
            pipeline(g, "id", p.id());
            g.writeStringField("tenantId", p.tenantId().value());
            g.writeNumberField("version", p.version());
            g.writeStringField("name", p.name());
            enumValue(g, "policy", p.policy());
            JsonOut.list(g, "stages", p.stages(), STAGE);
            instant(g, "createdAt", p.createdAt());
            instant(g, "updatedAt", p.updatedAt());
            g.writeEndObject();
        }

        @Override
        public Pipeline read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "pipeline");
            return new Pipeline(in.id("id", PipelineId::new), in.value("tenantId", ValueCodecs.TENANT_ID),
                    in.longValue("version"), in.text("name"), in.enumValue("policy", TransitionPolicy.class),
                    in.list("stages", STAGE), in.instant("createdAt"), in.instant("updatedAt"));
        }
    };

    static final Codec<PipelineSettings> SETTINGS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PipelineSettings s) throws IOException {
            g.writeStartObject();
            g.writeStringField("tenantId", s.tenantId().value());
            g.writeNumberField("version", s.version());
            pipeline(g, "defaultPipelineId", s.defaultPipelineId());
            JsonOut.list(g, "lostReasons", s.lostReasons(), ValueCodecs.STRING);
            instant(g, "updatedAt", s.updatedAt());
            g.writeEndObject();
        }

        @Override
        public PipelineSettings read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "pipelineSettings");
            return new PipelineSettings(in.value("tenantId", ValueCodecs.TENANT_ID), in.longValue("version"),
                    in.optId("defaultPipelineId", PipelineId::new), in.list("lostReasons", ValueCodecs.STRING),
                    in.instant("updatedAt"));
        }
    };

    // ---- deals ---------------------------------------------------------------------------------------------------

    static final Codec<Deal> DEAL = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Deal d) throws IOException {
            g.writeStartObject();
            deal(g, "id", d.id());
            g.writeStringField("tenantId", d.tenantId().value());
            g.writeNumberField("version", d.version());
            g.writeStringField("name", d.name());
            customer(g, "customerId", d.customerId());
            user(g, "owner", d.owner());
            money(g, "amount", d.amount());
            date(g, "expectedCloseDate", d.expectedCloseDate());
            pipeline(g, "pipelineId", d.pipelineId());
            stage(g, "stageId", d.stageId());
            enumValue(g, "status", d.status());
            g.writeNumberField("probability", d.probability());
            g.writeBooleanField("probabilityOverridden", d.probabilityOverridden());
            instant(g, "stageEnteredAt", d.stageEnteredAt());
            lead(g, "sourceLeadId", d.sourceLeadId());
            text(g, "campaign", d.campaign());
            instant(g, "closedAt", d.closedAt());
            text(g, "lostReason", d.lostReason());
            text(g, "lostNote", d.lostNote());
            instant(g, "createdAt", d.createdAt());
            instant(g, "updatedAt", d.updatedAt());
            g.writeEndObject();
        }

        @Override
        public Deal read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "deal");
            return new Deal(in.id("id", DealId::new), in.value("tenantId", ValueCodecs.TENANT_ID),
                    in.longValue("version"), in.text("name"), in.id("customerId", CustomerId::new),
                    in.string("owner", UserId::new), in.value("amount", ValueCodecs.MONEY),
                    in.date("expectedCloseDate"), in.id("pipelineId", PipelineId::new),
                    in.id("stageId", StageId::new), in.enumValue("status", DealStatus.class),
                    in.intValue("probability"), in.bool("probabilityOverridden", false),
                    in.instant("stageEnteredAt"), in.optId("sourceLeadId", LeadId::new), in.optText("campaign"),
                    in.optInstant("closedAt"), in.optText("lostReason"), in.optText("lostNote"),
                    in.instant("createdAt"), in.instant("updatedAt"));
        }
    };

    static final Codec<DealSnapshot> SNAPSHOT = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealSnapshot s) throws IOException {
            g.writeStartObject();
            stage(g, "stageId", s.stageId());
            enumValue(g, "status", s.status());
            money(g, "amount", s.amount());
            g.writeNumberField("probability", s.probability());
            g.writeBooleanField("probabilityOverridden", s.probabilityOverridden());
            date(g, "expectedCloseDate", s.expectedCloseDate());
            user(g, "owner", s.owner());
            g.writeEndObject();
        }

        @Override
        public DealSnapshot read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealSnapshot");
            return new DealSnapshot(in.id("stageId", StageId::new), in.enumValue("status", DealStatus.class),
                    in.value("amount", ValueCodecs.MONEY), in.intValue("probability"),
                    in.bool("probabilityOverridden", false), in.date("expectedCloseDate"),
                    in.string("owner", UserId::new));
        }
    };

    static final Codec<DealHistoryEntry> HISTORY_ENTRY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealHistoryEntry e) throws IOException {
            g.writeStartObject();
            g.writeStringField("tenantId", e.tenantId().value());
            deal(g, "dealId", e.dealId());
            g.writeNumberField("version", e.version());
            enumValue(g, "kind", e.kind());
            instant(g, "at", e.at());
            user(g, "by", e.by());
            JsonOut.value(g, "before", e.before(), SNAPSHOT);
            JsonOut.value(g, "after", e.after(), SNAPSHOT);
            text(g, "reason", e.reason());
            text(g, "note", e.note());
            g.writeEndObject();
        }

        @Override
        public DealHistoryEntry read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealHistoryEntry");
            return new DealHistoryEntry(in.value("tenantId", ValueCodecs.TENANT_ID), in.id("dealId", DealId::new),
                    in.longValue("version"), in.enumValue("kind", DealChangeKind.class), in.instant("at"),
                    in.string("by", UserId::new), in.optValue("before", SNAPSHOT), in.value("after", SNAPSHOT),
                    in.optText("reason"), in.optText("note"));
        }
    };

    static final Codec<DealOpening> OPENING = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealOpening o) throws IOException {
            g.writeStartObject();
            customer(g, "customerId", o.customerId());
            text(g, "name", o.name());
            user(g, "owner", o.owner());
            money(g, "amount", o.amount());
            date(g, "expectedCloseDate", o.expectedCloseDate());
            pipeline(g, "pipelineId", o.pipelineId());
            stage(g, "stageId", o.stageId());
            number(g, "probability", o.probability());
            lead(g, "sourceLeadId", o.sourceLeadId());
            text(g, "campaign", o.campaign());
            user(g, "by", o.by());
            g.writeEndObject();
        }

        @Override
        public DealOpening read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealOpening");
            return new DealOpening(in.optId("customerId", CustomerId::new), in.optText("name"),
                    in.optString("owner", UserId::new), in.optValue("amount", ValueCodecs.MONEY),
                    in.optDate("expectedCloseDate"), in.optId("pipelineId", PipelineId::new),
                    in.optId("stageId", StageId::new), in.optInt("probability"),
                    in.optId("sourceLeadId", LeadId::new), in.optText("campaign"), in.optString("by", UserId::new));
        }
    };

    static final Codec<DealLoss> LOSS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealLoss l) throws IOException {
            g.writeStartObject();
            text(g, "reason", l.reason());
            text(g, "note", l.note());
            stage(g, "stageId", l.stageId());
            user(g, "by", l.by());
            g.writeEndObject();
        }

        @Override
        public DealLoss read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealLoss");
            return new DealLoss(in.optText("reason"), in.optText("note"), in.optId("stageId", StageId::new),
                    in.optString("by", UserId::new));
        }
    };

    static final Codec<DealOutcome> OUTCOME = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealOutcome o) throws IOException {
            g.writeStartObject();
            JsonOut.value(g, "deal", o.deal(), DEAL);
            JsonOut.value(g, "lifecycle", o.lifecycle(), ValueCodecs.LIFECYCLE_CHANGE);
            g.writeEndObject();
        }

        @Override
        public DealOutcome read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealOutcome");
            return new DealOutcome(in.value("deal", DEAL), in.value("lifecycle", ValueCodecs.LIFECYCLE_CHANGE));
        }
    };

    // ---- figures -------------------------------------------------------------------------------------------------

    static final Codec<MoneyTotal> MONEY_TOTAL = new Codec<>() {
        @Override
        public void write(JsonGenerator g, MoneyTotal t) throws IOException {
            g.writeStartObject();
            g.writeStringField("currency", t.currency().getCurrencyCode());
            g.writeNumberField("count", t.count());
            money(g, "amount", t.amount());
            money(g, "weightedAmount", t.weightedAmount());
            g.writeEndObject();
        }

        @Override
        public MoneyTotal read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "moneyTotal");
            return new MoneyTotal(Money.currency(in.text("currency")), in.longValue("count"),
                    in.value("amount", ValueCodecs.MONEY), in.value("weightedAmount", ValueCodecs.MONEY));
        }
    };

    static final Codec<DealTotals> TOTALS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, DealTotals t) throws IOException {
            g.writeStartObject();
            g.writeNumberField("count", t.count());
            JsonOut.list(g, "byCurrency", t.byCurrency(), MONEY_TOTAL);
            g.writeEndObject();
        }

        @Override
        public DealTotals read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "dealTotals");
            return new DealTotals(in.longValue("count"), in.list("byCurrency", MONEY_TOTAL));
        }
    };

    static final Codec<StageSummary> STAGE_SUMMARY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, StageSummary s) throws IOException {
            g.writeStartObject();
            JsonOut.value(g, "stage", s.stage(), STAGE);
            JsonOut.value(g, "totals", s.totals(), TOTALS);
            g.writeEndObject();
        }

        @Override
        public StageSummary read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "stageSummary");
            return new StageSummary(in.value("stage", STAGE), in.value("totals", TOTALS));
        }
    };

    static final Codec<PipelineSummary> SUMMARY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PipelineSummary s) throws IOException {
            g.writeStartObject();
            pipeline(g, "pipelineId", s.pipelineId());
            JsonOut.list(g, "stages", s.stages(), STAGE_SUMMARY);
            g.writeEndObject();
        }

        @Override
        public PipelineSummary read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "pipelineSummary");
            return new PipelineSummary(in.id("pipelineId", PipelineId::new), in.list("stages", STAGE_SUMMARY));
        }
    };

    static final Codec<PeriodTotals> PERIOD_TOTALS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PeriodTotals t) throws IOException {
            g.writeStartObject();
            date(g, "from", t.from());
            date(g, "to", t.to());
            JsonOut.value(g, "open", t.open(), TOTALS);
            JsonOut.value(g, "won", t.won(), TOTALS);
            JsonOut.value(g, "lost", t.lost(), TOTALS);
            g.writeEndObject();
        }

        @Override
        public PeriodTotals read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "periodTotals");
            return new PeriodTotals(in.date("from"), in.date("to"), in.value("open", TOTALS),
                    in.value("won", TOTALS), in.value("lost", TOTALS));
        }
    };

    /** The days of one stage in {@link StalledThresholds#stageDays()}. */
    private static final Codec<Integer> STAGE_DAYS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Integer days) throws IOException {
            g.writeNumber(days);
        }

        @Override
        public Integer read(JsonNode node) {
            return JsonIn.intValue(node, "stalledThresholds.stageDays");
        }
    };

    static final Codec<StalledThresholds> STALLED = new Codec<>() {
        @Override
        public void write(JsonGenerator g, StalledThresholds t) throws IOException {
            g.writeStartObject();
            number(g, "defaultDays", t.defaultDays());
            g.writeObjectFieldStart("stageDays");
            for (Map.Entry<StageId, Integer> days : t.stageDays().entrySet()) {
                g.writeNumberField(days.getKey().toString(), days.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        @Override
        public StalledThresholds read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "stalledThresholds");
            Map<StageId, Integer> stageDays = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> days : in.map("stageDays", STAGE_DAYS).entrySet()) {
                StageId stage = new StageId(JsonIn.uuid(TextNode.valueOf(days.getKey()),
                        "stalledThresholds.stageDays key '" + days.getKey() + "'"));
                stageDays.put(stage, days.getValue());
            }
            return new StalledThresholds(in.optInt("defaultDays"), stageDays);
        }
    };

    // ---- events --------------------------------------------------------------------------------------------------

    /** Adds the pipeline and deal events to {@code types}. */
    static void addEvents(Map<String, EventCodecs.EventType<?>> types) {
        EventCodecs.add(types, new EventCodecs.EventType<>("DealOpened", DealOpened.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            customer(g, "customerId", e.customerId());
            pipeline(g, "pipelineId", e.pipelineId());
            stage(g, "stageId", e.stageId());
            money(g, "amount", e.amount());
            g.writeNumberField("probability", e.probability());
            user(g, "owner", e.owner());
            lead(g, "sourceLeadId", e.sourceLeadId());
            text(g, "campaign", e.campaign());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealOpened(id, tenant, dealId(in), at, in.id("customerId", CustomerId::new),
                in.id("pipelineId", PipelineId::new), in.id("stageId", StageId::new),
                in.value("amount", ValueCodecs.MONEY), in.intValue("probability"), in.string("owner", UserId::new),
                in.optId("sourceLeadId", LeadId::new), in.optText("campaign"), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealStageChanged", DealStageChanged.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            pipeline(g, "pipelineId", e.pipelineId());
            stage(g, "fromStage", e.fromStage());
            stage(g, "toStage", e.toStage());
            enumValue(g, "status", e.status());
            money(g, "amount", e.amount());
            g.writeNumberField("probability", e.probability());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealStageChanged(id, tenant, dealId(in), at,
                in.id("pipelineId", PipelineId::new), in.id("fromStage", StageId::new),
                in.id("toStage", StageId::new), in.enumValue("status", DealStatus.class),
                in.value("amount", ValueCodecs.MONEY), in.intValue("probability"), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealAmountChanged", DealAmountChanged.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            money(g, "from", e.from());
            money(g, "to", e.to());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealAmountChanged(id, tenant, dealId(in), at,
                in.value("from", ValueCodecs.MONEY), in.value("to", ValueCodecs.MONEY),
                in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealProbabilityChanged", DealProbabilityChanged.class,
                (g, e) -> {
                    deal(g, "dealId", e.dealId());
                    g.writeNumberField("from", e.from());
                    g.writeNumberField("to", e.to());
                    g.writeBooleanField("overridden", e.overridden());
                    user(g, "by", e.by());
                }, (in, id, tenant, at) -> new DealProbabilityChanged(id, tenant, dealId(in), at,
                        in.intValue("from"), in.intValue("to"), in.bool("overridden", false),
                        in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealCloseDateChanged", DealCloseDateChanged.class,
                (g, e) -> {
                    deal(g, "dealId", e.dealId());
                    date(g, "from", e.from());
                    date(g, "to", e.to());
                    user(g, "by", e.by());
                }, (in, id, tenant, at) -> new DealCloseDateChanged(id, tenant, dealId(in), at, in.date("from"),
                        in.date("to"), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealOwnerChanged", DealOwnerChanged.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            user(g, "from", e.from());
            user(g, "to", e.to());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealOwnerChanged(id, tenant, dealId(in), at, in.string("from", UserId::new),
                in.string("to", UserId::new), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealWon", DealWon.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            customer(g, "customerId", e.customerId());
            pipeline(g, "pipelineId", e.pipelineId());
            stage(g, "stageId", e.stageId());
            money(g, "amount", e.amount());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealWon(id, tenant, dealId(in), at, in.id("customerId", CustomerId::new),
                in.id("pipelineId", PipelineId::new), in.id("stageId", StageId::new),
                in.value("amount", ValueCodecs.MONEY), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealLost", DealLost.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            customer(g, "customerId", e.customerId());
            pipeline(g, "pipelineId", e.pipelineId());
            stage(g, "stageId", e.stageId());
            text(g, "reason", e.reason());
            text(g, "note", e.note());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealLost(id, tenant, dealId(in), at, in.id("customerId", CustomerId::new),
                in.id("pipelineId", PipelineId::new), in.id("stageId", StageId::new), in.text("reason"),
                in.optText("note"), in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DealReopened", DealReopened.class, (g, e) -> {
            deal(g, "dealId", e.dealId());
            pipeline(g, "pipelineId", e.pipelineId());
            enumValue(g, "previousStatus", e.previousStatus());
            stage(g, "stageId", e.stageId());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new DealReopened(id, tenant, dealId(in), at, in.id("pipelineId", PipelineId::new),
                in.enumValue("previousStatus", DealStatus.class), in.id("stageId", StageId::new),
                in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("PipelineDefined", PipelineDefined.class, (g, e) -> {
            pipeline(g, "pipelineId", e.pipelineId());
            text(g, "name", e.name());
            g.writeNumberField("stages", e.stages());
        }, (in, id, tenant, at) -> new PipelineDefined(id, tenant, pipelineId(in), at, in.text("name"),
                in.intValue("stages"))));
        EventCodecs.add(types, new EventCodecs.EventType<>("PipelineChanged", PipelineChanged.class, (g, e) -> {
            pipeline(g, "pipelineId", e.pipelineId());
            g.writeNumberField("version", e.version());
            enumValue(g, "change", e.change());
            stage(g, "stageId", e.stageId());
        }, (in, id, tenant, at) -> new PipelineChanged(id, tenant, pipelineId(in), at, in.longValue("version"),
                in.enumValue("change", PipelineChanged.Change.class), in.optId("stageId", StageId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("StageRetired", StageRetired.class, (g, e) -> {
            pipeline(g, "pipelineId", e.pipelineId());
            g.writeNumberField("version", e.version());
            stage(g, "stageId", e.stageId());
            stage(g, "movedTo", e.movedTo());
            g.writeNumberField("dealsMoved", e.dealsMoved());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new StageRetired(id, tenant, pipelineId(in), at, in.longValue("version"),
                in.id("stageId", StageId::new), in.optId("movedTo", StageId::new), in.longValue("dealsMoved"),
                in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("DefaultPipelineChanged", DefaultPipelineChanged.class,
                (g, e) -> {
                    pipeline(g, "pipelineId", e.pipelineId());
                    pipeline(g, "previous", e.previous());
                }, (in, id, tenant, at) -> new DefaultPipelineChanged(id, tenant, pipelineId(in), at,
                        in.optId("previous", PipelineId::new))));
    }

    private static DealId dealId(JsonIn in) {
        return in.id("dealId", DealId::new);
    }

    private static PipelineId pipelineId(JsonIn in) {
        return in.id("pipelineId", PipelineId::new);
    }

    /** The pipeline value types and their codecs, for {@link CrmModule} to register. */
    static List<Registration<?>> values() {
        List<Registration<?>> all = new ArrayList<>();
        all.add(new Registration<>(StageKind.class, ValueCodecs.enumName(StageKind.class)));
        all.add(new Registration<>(ForecastCategory.class, ValueCodecs.enumName(ForecastCategory.class)));
        all.add(new Registration<>(TransitionPolicy.class, ValueCodecs.enumName(TransitionPolicy.class)));
        all.add(new Registration<>(DealStatus.class, ValueCodecs.enumName(DealStatus.class)));
        all.add(new Registration<>(DealChangeKind.class, ValueCodecs.enumName(DealChangeKind.class)));
        all.add(new Registration<>(DealField.class, ValueCodecs.enumName(DealField.class)));
        all.add(new Registration<>(ProbabilityOnStageChange.class,
                ValueCodecs.enumName(ProbabilityOnStageChange.class)));
        all.add(new Registration<>(PipelineChanged.Change.class, ValueCodecs.enumName(PipelineChanged.Change.class)));
        all.add(new Registration<>(FollowUp.class, FOLLOW_UP));
        all.add(new Registration<>(StageDefinition.class, STAGE_DEFINITION));
        all.add(new Registration<>(PipelineDefinition.class, PIPELINE_DEFINITION));
        all.add(new Registration<>(Stage.class, STAGE));
        all.add(new Registration<>(Pipeline.class, PIPELINE));
        all.add(new Registration<>(PipelineSettings.class, SETTINGS));
        all.add(new Registration<>(Deal.class, DEAL));
        all.add(new Registration<>(DealSnapshot.class, SNAPSHOT));
        all.add(new Registration<>(DealHistoryEntry.class, HISTORY_ENTRY));
        all.add(new Registration<>(DealOpening.class, OPENING));
        all.add(new Registration<>(DealLoss.class, LOSS));
        all.add(new Registration<>(DealOutcome.class, OUTCOME));
        all.add(new Registration<>(MoneyTotal.class, MONEY_TOTAL));
        all.add(new Registration<>(DealTotals.class, TOTALS));
        all.add(new Registration<>(StageSummary.class, STAGE_SUMMARY));
        all.add(new Registration<>(PipelineSummary.class, SUMMARY));
        all.add(new Registration<>(PeriodTotals.class, PERIOD_TOTALS));
        all.add(new Registration<>(StalledThresholds.class, STALLED));
        return all;
    }
}
