package io.crmkit.jackson;

import static io.crmkit.jackson.JsonOut.enumValue;
import static io.crmkit.jackson.JsonOut.instant;
import static io.crmkit.jackson.JsonOut.text;
import static io.crmkit.jackson.JsonOut.uuid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.lead.Attribution;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantCriterion;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.CaptureOutcome;
import io.crmkit.lead.Condition;
import io.crmkit.lead.EngagementRule;
import io.crmkit.lead.FailedRule;
import io.crmkit.lead.FitRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadAssigned;
import io.crmkit.lead.LeadCaptured;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadConversion;
import io.crmkit.lead.LeadConverted;
import io.crmkit.lead.LeadDisqualified;
import io.crmkit.lead.LeadQualified;
import io.crmkit.lead.LeadScore;
import io.crmkit.lead.LeadScored;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.lead.LeadStatusChanged;
import io.crmkit.lead.MarketingQualificationRule;
import io.crmkit.lead.PossibleDuplicates;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.lead.RuleContribution;
import io.crmkit.lead.SalesQualificationPolicy;
import io.crmkit.lead.ScoringModel;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON forms of crmkit's lead values (the lead, its attribution, BANT checklist, conversion, status history,
 * score) and of a tenant's lead settings (conditions, scoring model, qualification rules), and the lead events.
 * Internal to this module; {@link CrmModule} registers them.
 *
 * <p>Decimals (scores, thresholds, points) are strings in plain notation that keep their scale ({@code "12.50"});
 * durations (half-lives, windows) are ISO-8601 duration strings ({@code "PT336H"}); a {@link Condition} is an object
 * whose {@code "type"} is the simple name of its record ({@code Equals}, {@code Contains}, {@code InSet},
 * {@code Exists}, {@code EmailDomainIn}, {@code SourceIs}, {@code And}, {@code Or}, {@code Not}).
 */
final class LeadCodecs {

    private LeadCodecs() {
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A decimal as a string that reads back with the same scale. */
    static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeStringField(field, decimalText(value));
        }
    }

    static String decimalText(BigDecimal value) {
        return value.scale() < 0 ? value.toString() : value.toPlainString();
    }

    static BigDecimal optDecimal(JsonIn in, String field, String what) {
        JsonNode value = in.opt(field);
        return value == null ? null : JsonIn.decimal(value, what + "." + field);
    }

    static void duration(JsonGenerator g, String field, Duration value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    static Duration optDuration(JsonIn in, String field, String what) {
        String text = in.optText(field);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonIn.BadJson(what + "." + field + " must be an ISO-8601 duration such as PT336H");
        }
    }

    static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    static <E extends Enum<E>> void enums(JsonGenerator g, String field, Iterable<E> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (E value : values) {
            g.writeString(value.name());
        }
        g.writeEndArray();
    }

    static <E extends Enum<E>> Set<E> enumSet(JsonIn in, String field, Class<E> type, String what) {
        Set<E> values = EnumSet.noneOf(type);
        JsonNode array = in.opt(field);
        if (array == null) {
            return values;
        }
        if (!array.isArray()) {
            throw new JsonIn.BadJson(what + "." + field + " must be a JSON array");
        }
        for (JsonNode item : array) {
            values.add(JsonIn.enumValue(item, what + "." + field, type));
        }
        return values;
    }

    static Set<String> stringSet(JsonIn in, String field) {
        return new LinkedHashSet<>(in.list(field, ValueCodecs.STRING));
    }

    private static UserId user(JsonIn in, String field) {
        return in.optValue(field, ValueCodecs.USER_ID);
    }

    private static void user(JsonGenerator g, String field, UserId user) throws IOException {
        JsonOut.value(g, field, user, ValueCodecs.USER_ID);
    }

    private static CustomerId optCustomer(JsonIn in, String field) {
        UUID id = in.optUuid(field);
        return id == null ? null : new CustomerId(id);
    }

    private static UUID value(io.crmkit.shared.AggregateId id) {
        return id == null ? null : id.value();
    }

    // ---- values --------------------------------------------------------------------------------------------------

    static final Codec<LeadSource> LEAD_SOURCE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LeadSource s) throws IOException {
            g.writeStartObject();
            enumValue(g, "channel", s.channel());
            text(g, "campaign", s.campaign());
            text(g, "medium", s.medium());
            text(g, "term", s.term());
            text(g, "content", s.content());
            text(g, "referrerUrl", s.referrerUrl());
            text(g, "landingPage", s.landingPage());
            g.writeEndObject();
        }

        @Override
        public LeadSource read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "leadSource");
            return new LeadSource(in.enumValue("channel", LeadChannel.class), in.optText("campaign"),
                    in.optText("medium"), in.optText("term"), in.optText("content"), in.optText("referrerUrl"),
                    in.optText("landingPage"));
        }
    };

    static final Codec<Attribution> ATTRIBUTION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Attribution a) throws IOException {
            g.writeStartObject();
            JsonOut.value(g, "source", a.source(), LEAD_SOURCE);
            instant(g, "at", a.at());
            g.writeEndObject();
        }

        @Override
        public Attribution read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "attribution");
            return new Attribution(in.value("source", LEAD_SOURCE), in.instant("at"));
        }
    };

    static final Codec<BantItem> BANT_ITEM = new Codec<>() {
        @Override
        public void write(JsonGenerator g, BantItem item) throws IOException {
            g.writeStartObject();
            g.writeBooleanField("confirmed", item.confirmed());
            text(g, "note", item.note());
            g.writeEndObject();
        }

        @Override
        public BantItem read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "bantItem");
            return new BantItem(in.bool("confirmed", false), in.optText("note"));
        }
    };

    static final Codec<BantChecklist> BANT = new Codec<>() {
        @Override
        public void write(JsonGenerator g, BantChecklist b) throws IOException {
            g.writeStartObject();
            JsonOut.value(g, "budget", b.budget(), BANT_ITEM);
            JsonOut.value(g, "authority", b.authority(), BANT_ITEM);
            JsonOut.value(g, "need", b.need(), BANT_ITEM);
            JsonOut.value(g, "timeline", b.timeline(), BANT_ITEM);
            g.writeEndObject();
        }

        @Override
        public BantChecklist read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "bant");
            return new BantChecklist(in.value("budget", BANT_ITEM), in.value("authority", BANT_ITEM),
                    in.value("need", BANT_ITEM), in.value("timeline", BANT_ITEM));
        }
    };

    static final Codec<PossibleDuplicates> POSSIBLE_DUPLICATES = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PossibleDuplicates d) throws IOException {
            g.writeStartObject();
            JsonOut.list(g, "customers", d.customers(), ValueCodecs.CUSTOMER_ID);
            JsonOut.list(g, "leads", d.leads(), ValueCodecs.LEAD_ID);
            g.writeEndObject();
        }

        @Override
        public PossibleDuplicates read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "possibleDuplicates");
            return new PossibleDuplicates(in.list("customers", ValueCodecs.CUSTOMER_ID),
                    in.list("leads", ValueCodecs.LEAD_ID));
        }
    };

    static final Codec<LeadConversion> CONVERSION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LeadConversion c) throws IOException {
            g.writeStartObject();
            uuid(g, "customerId", c.customerId().value());
            g.writeBooleanField("customerCreated", c.customerCreated());
            uuid(g, "organisationId", value(c.organisationId()));
            g.writeBooleanField("organisationCreated", c.organisationCreated());
            uuid(g, "worksAtId", value(c.worksAtId()));
            uuid(g, "dealId", value(c.dealId()));
            strings(g, "writtenFields", c.writtenFields());
            g.writeNumberField("touchpointsMoved", c.touchpointsMoved());
            instant(g, "convertedAt", c.convertedAt());
            user(g, "convertedBy", c.convertedBy());
            g.writeEndObject();
        }

        @Override
        public LeadConversion read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "conversion");
            UUID worksAt = in.optUuid("worksAtId");
            UUID deal = in.optUuid("dealId");
            return new LeadConversion(new CustomerId(in.uuid("customerId")), in.bool("customerCreated", false),
                    optCustomer(in, "organisationId"), in.bool("organisationCreated", false),
                    worksAt == null ? null : new RelationshipId(worksAt), deal == null ? null : new DealId(deal),
                    in.list("writtenFields", ValueCodecs.STRING), in.longValue("touchpointsMoved"),
                    in.instant("convertedAt"), user(in, "convertedBy"));
        }
    };

    static final Codec<Condition> CONDITION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Condition condition) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", condition.getClass().getSimpleName());
            if (condition instanceof Condition.Equals) {
                Condition.Equals c = (Condition.Equals) condition;
                g.writeStringField("key", c.key());
                g.writeStringField("value", c.value());
            } else if (condition instanceof Condition.Contains) {
                Condition.Contains c = (Condition.Contains) condition;
                g.writeStringField("key", c.key());
                g.writeStringField("text", c.text());
            } else if (condition instanceof Condition.InSet) {
                Condition.InSet c = (Condition.InSet) condition;
                g.writeStringField("key", c.key());
                strings(g, "values", c.values());
            } else if (condition instanceof Condition.Exists) {
                g.writeStringField("key", ((Condition.Exists) condition).key());
            } else if (condition instanceof Condition.EmailDomainIn) {
                strings(g, "domains", ((Condition.EmailDomainIn) condition).domains());
            } else if (condition instanceof Condition.SourceIs) {
                enumValue(g, "channel", ((Condition.SourceIs) condition).channel());
            } else if (condition instanceof Condition.And) {
                JsonOut.list(g, "conditions", ((Condition.And) condition).conditions(), this);
            } else if (condition instanceof Condition.Or) {
                JsonOut.list(g, "conditions", ((Condition.Or) condition).conditions(), this);
            } else if (condition instanceof Condition.Not) {
                JsonOut.value(g, "condition", ((Condition.Not) condition).condition(), this);
            } else {
                throw new IllegalArgumentException("crm-jackson does not know the condition " + condition.getClass());
            }
            g.writeEndObject();
        }

        @Override
        public Condition read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "condition");
            String type = in.text("type");
            switch (type) {
                case "Equals":
                    return new Condition.Equals(in.text("key"), in.text("value"));
                case "Contains":
                    return new Condition.Contains(in.text("key"), in.text("text"));
                case "InSet":
                    return new Condition.InSet(in.text("key"), stringSet(in, "values"));
                case "Exists":
                    return new Condition.Exists(in.text("key"));
                case "EmailDomainIn":
                    return new Condition.EmailDomainIn(stringSet(in, "domains"));
                case "SourceIs":
                    return new Condition.SourceIs(in.enumValue("channel", LeadChannel.class));
                case "And":
                    return new Condition.And(in.list("conditions", this));
                case "Or":
                    return new Condition.Or(in.list("conditions", this));
                case "Not":
                    return new Condition.Not(in.value("condition", this));
                default:
                    throw new JsonIn.BadJson("condition.type '" + type + "' is not one of [Equals, Contains, InSet,"
                            + " Exists, EmailDomainIn, SourceIs, And, Or, Not]");
            }
        }
    };

    static final Codec<FitRule> FIT_RULE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, FitRule r) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            JsonOut.value(g, "when", r.when(), CONDITION);
            g.writeNumberField("points", r.points());
            g.writeEndObject();
        }

        @Override
        public FitRule read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "fitRule");
            return new FitRule(in.text("name"), in.value("when", CONDITION), intValue(in, "points", "fitRule"));
        }
    };

    static int intValue(JsonIn in, String field, String what) {
        long value = in.longValue(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new JsonIn.BadJson(what + "." + field + " is out of range");
        }
        return (int) value;
    }

    static final Codec<EngagementRule> ENGAGEMENT_RULE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, EngagementRule r) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            enums(g, "channels", r.channels());
            JsonOut.value(g, "filter", r.filter(), CONDITION);
            g.writeNumberField("points", r.points());
            duration(g, "halfLife", r.halfLife());
            if (r.cap() != null) {
                g.writeNumberField("cap", r.cap());
            }
            g.writeEndObject();
        }

        @Override
        public EngagementRule read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "engagementRule");
            return new EngagementRule(in.text("name"), enumSet(in, "channels", Channel.class, "engagementRule"),
                    in.optValue("filter", CONDITION), intValue(in, "points", "engagementRule"),
                    optDuration(in, "halfLife", "engagementRule"), in.optInt("cap"));
        }
    };

    static final Codec<ScoringModel> SCORING_MODEL = new Codec<>() {
        @Override
        public void write(JsonGenerator g, ScoringModel m) throws IOException {
            g.writeStartObject();
            JsonOut.list(g, "fitRules", m.fitRules(), FIT_RULE);
            JsonOut.list(g, "engagementRules", m.engagementRules(), ENGAGEMENT_RULE);
            duration(g, "window", m.window());
            g.writeEndObject();
        }

        @Override
        public ScoringModel read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "scoringModel");
            return new ScoringModel(in.list("fitRules", FIT_RULE), in.list("engagementRules", ENGAGEMENT_RULE),
                    optDuration(in, "window", "scoringModel"));
        }
    };

    static final Codec<MarketingQualificationRule> MQL_RULE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, MarketingQualificationRule r) throws IOException {
            g.writeStartObject();
            decimal(g, "minimumScore", r.minimumScore());
            JsonOut.value(g, "condition", r.condition(), CONDITION);
            g.writeEndObject();
        }

        @Override
        public MarketingQualificationRule read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "marketingQualification");
            return new MarketingQualificationRule(optDecimal(in, "minimumScore", "marketingQualification"),
                    in.optValue("condition", CONDITION));
        }
    };

    static final Codec<SalesQualificationPolicy> SQL_POLICY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, SalesQualificationPolicy p) throws IOException {
            g.writeStartObject();
            enums(g, "required", p.required().stream().sorted().toList());
            g.writeBooleanField("requireMarketingQualified", p.requireMarketingQualified());
            g.writeEndObject();
        }

        @Override
        public SalesQualificationPolicy read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "salesQualification");
            return new SalesQualificationPolicy(enumSet(in, "required", BantCriterion.class, "salesQualification"),
                    in.bool("requireMarketingQualified", false));
        }
    };

    static final Codec<LeadSettings> SETTINGS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LeadSettings s) throws IOException {
            g.writeStartObject();
            strings(g, "disqualificationReasons", s.disqualificationReasons());
            JsonOut.value(g, "marketingQualification", s.marketingQualification(), MQL_RULE);
            JsonOut.value(g, "salesQualification", s.salesQualification(), SQL_POLICY);
            JsonOut.value(g, "scoring", s.scoring(), SCORING_MODEL);
            g.writeEndObject();
        }

        @Override
        public LeadSettings read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "leadSettings");
            return new LeadSettings(in.list("disqualificationReasons", ValueCodecs.STRING),
                    in.optValue("marketingQualification", MQL_RULE), in.optValue("salesQualification", SQL_POLICY),
                    in.optValue("scoring", SCORING_MODEL));
        }
    };

    static final Codec<LeadStatusChange> STATUS_CHANGE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LeadStatusChange c) throws IOException {
            g.writeStartObject();
            uuid(g, "leadId", c.leadId().value());
            g.writeNumberField("version", c.version());
            instant(g, "at", c.at());
            user(g, "by", c.by());
            enumValue(g, "from", c.from());
            enumValue(g, "to", c.to());
            text(g, "reason", c.reason());
            g.writeEndObject();
        }

        @Override
        public LeadStatusChange read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "leadStatusChange");
            return new LeadStatusChange(new LeadId(in.uuid("leadId")), in.longValue("version"), in.instant("at"),
                    user(in, "by"), in.optEnum("from", LeadStatus.class), in.enumValue("to", LeadStatus.class),
                    in.optText("reason"));
        }
    };

    static final Codec<RuleContribution> CONTRIBUTION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, RuleContribution c) throws IOException {
            g.writeStartObject();
            g.writeStringField("rule", c.rule());
            enumValue(g, "kind", c.kind());
            decimal(g, "points", c.points());
            strings(g, "facts", c.facts());
            g.writeEndObject();
        }

        @Override
        public RuleContribution read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "ruleContribution");
            return new RuleContribution(in.text("rule"), in.enumValue("kind", RuleContribution.Kind.class),
                    in.decimal("points"), in.list("facts", ValueCodecs.STRING));
        }
    };

    static final Codec<LeadScore> SCORE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LeadScore s) throws IOException {
            g.writeStartObject();
            decimal(g, "total", s.total());
            instant(g, "at", s.at());
            JsonOut.list(g, "contributions", s.contributions(), CONTRIBUTION);
            g.writeEndObject();
        }

        @Override
        public LeadScore read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "leadScore");
            return new LeadScore(in.decimal("total"), in.instant("at"), in.list("contributions", CONTRIBUTION));
        }
    };

    static final Codec<FailedRule> FAILED_RULE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, FailedRule r) throws IOException {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeStringField("reason", r.reason());
            g.writeEndObject();
        }

        @Override
        public FailedRule read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "failedRule");
            return new FailedRule(in.text("rule"), in.text("reason"));
        }
    };

    static final Codec<Lead> LEAD = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Lead l) throws IOException {
            g.writeStartObject();
            uuid(g, "id", l.id().value());
            g.writeStringField("tenantId", l.tenantId().value());
            g.writeNumberField("version", l.version());
            text(g, "givenName", l.givenName());
            text(g, "familyName", l.familyName());
            text(g, "jobTitle", l.jobTitle());
            text(g, "company", l.company());
            text(g, "companyDomain", l.companyDomain());
            text(g, "countryCode", l.countryCode());
            JsonOut.value(g, "email", l.email(), ValueCodecs.EMAIL_ADDRESS);
            JsonOut.value(g, "phone", l.phone(), ValueCodecs.PHONE_NUMBER);
            JsonOut.map(g, "attributes", l.attributes(), ValueCodecs.ATTRIBUTE_VALUE);
            JsonOut.value(g, "sourceRef", l.sourceRef(), ValueCodecs.SOURCE_REF);
            JsonOut.value(g, "firstTouch", l.firstTouch(), ATTRIBUTION);
            JsonOut.value(g, "lastTouch", l.lastTouch(), ATTRIBUTION);
            user(g, "owner", l.owner());
            enumValue(g, "status", l.status());
            text(g, "disqualificationReason", l.disqualificationReason());
            enumValue(g, "qualification", l.qualification());
            JsonOut.value(g, "bant", l.bant(), BANT);
            decimal(g, "score", l.score());
            instant(g, "scoredAt", l.scoredAt());
            JsonOut.value(g, "possibleDuplicates", l.possibleDuplicates(), POSSIBLE_DUPLICATES);
            uuid(g, "customerId", value(l.customerId()));
            JsonOut.value(g, "conversion", l.conversion(), CONVERSION);
            instant(g, "createdAt", l.createdAt());
            instant(g, "updatedAt", l.updatedAt());
            g.writeEndObject();
        }

        @Override
        public Lead read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "lead");
            return Lead.builder().id(new LeadId(in.uuid("id"))).tenantId(in.value("tenantId", ValueCodecs.TENANT_ID))
                    .version(in.longValue("version")).givenName(in.optText("givenName"))
                    .familyName(in.optText("familyName")).jobTitle(in.optText("jobTitle"))
                    .company(in.optText("company")).companyDomain(in.optText("companyDomain"))
                    .countryCode(in.optText("countryCode")).email(in.optValue("email", ValueCodecs.EMAIL_ADDRESS))
                    .phone(in.optValue("phone", ValueCodecs.PHONE_NUMBER))
                    .attributes(in.map("attributes", ValueCodecs.ATTRIBUTE_VALUE))
                    .sourceRef(in.optValue("sourceRef", ValueCodecs.SOURCE_REF))
                    .firstTouch(in.value("firstTouch", ATTRIBUTION)).lastTouch(in.value("lastTouch", ATTRIBUTION))
                    .owner(user(in, "owner")).status(in.enumValue("status", LeadStatus.class))
                    .disqualificationReason(in.optText("disqualificationReason"))
                    .qualification(in.enumValue("qualification", QualificationLevel.class))
                    .bant(in.optValue("bant", BANT)).score(optDecimal(in, "score", "lead"))
                    .scoredAt(in.optInstant("scoredAt"))
                    .possibleDuplicates(in.optValue("possibleDuplicates", POSSIBLE_DUPLICATES))
                    .customerId(optCustomer(in, "customerId")).conversion(in.optValue("conversion", CONVERSION))
                    .createdAt(in.instant("createdAt")).updatedAt(in.instant("updatedAt")).build();
        }
    };

    // ---- events --------------------------------------------------------------------------------------------------

    /** Adds the lead events to {@code types}. */
    static void addEvents(Map<String, EventCodecs.EventType<?>> types) {
        add(types, new EventCodecs.EventType<>("LeadCaptured", LeadCaptured.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            enumValue(g, "outcome", e.outcome());
            enumValue(g, "channel", e.channel());
            text(g, "campaign", e.campaign());
        }, (in, id, tenant, at) -> new LeadCaptured(id, tenant, lead(in), at,
                in.enumValue("outcome", CaptureOutcome.class), in.optEnum("channel", LeadChannel.class),
                in.optText("campaign"))));
        add(types, new EventCodecs.EventType<>("LeadAssigned", LeadAssigned.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            user(g, "from", e.from());
            user(g, "to", e.to());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new LeadAssigned(id, tenant, lead(in), at, user(in, "from"), user(in, "to"),
                user(in, "by"))));
        add(types, new EventCodecs.EventType<>("LeadStatusChanged", LeadStatusChanged.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            enumValue(g, "from", e.from());
            enumValue(g, "to", e.to());
            user(g, "by", e.by());
            text(g, "reason", e.reason());
        }, (in, id, tenant, at) -> new LeadStatusChanged(id, tenant, lead(in), at, in.optEnum("from", LeadStatus.class),
                in.optEnum("to", LeadStatus.class), user(in, "by"), in.optText("reason"))));
        add(types, new EventCodecs.EventType<>("LeadQualified", LeadQualified.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            enumValue(g, "level", e.level());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new LeadQualified(id, tenant, lead(in), at,
                in.optEnum("level", QualificationLevel.class), user(in, "by"))));
        add(types, new EventCodecs.EventType<>("LeadDisqualified", LeadDisqualified.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            text(g, "reason", e.reason());
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new LeadDisqualified(id, tenant, lead(in), at, in.optText("reason"),
                user(in, "by"))));
        add(types, new EventCodecs.EventType<>("LeadScored", LeadScored.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            decimal(g, "from", e.from());
            decimal(g, "to", e.to());
            instant(g, "scoredAt", e.scoredAt());
        }, (in, id, tenant, at) -> new LeadScored(id, tenant, lead(in), at, optDecimal(in, "from", "event"),
                optDecimal(in, "to", "event"), in.optInstant("scoredAt"))));
        add(types, new EventCodecs.EventType<>("LeadConverted", LeadConverted.class, (g, e) -> {
            uuid(g, "leadId", e.leadId().value());
            uuid(g, "customerId", value(e.customerId()));
            g.writeBooleanField("customerCreated", e.customerCreated());
            uuid(g, "organisationId", value(e.organisationId()));
            uuid(g, "dealId", value(e.dealId()));
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> {
            UUID deal = in.optUuid("dealId");
            return new LeadConverted(id, tenant, lead(in), at, optCustomer(in, "customerId"),
                    in.bool("customerCreated", false), optCustomer(in, "organisationId"),
                    deal == null ? null : new DealId(deal), user(in, "by"));
        }));
    }

    private static void add(Map<String, EventCodecs.EventType<?>> types, EventCodecs.EventType<?> type) {
        types.put(type.name(), type);
    }

    private static LeadId lead(JsonIn in) {
        return new LeadId(in.uuid("leadId"));
    }

    /** The lead value types and their codecs, for {@link CrmModule} to register. */
    static List<Registration<?>> values() {
        List<Registration<?>> all = new ArrayList<>();
        all.add(new Registration<>(LeadSource.class, LEAD_SOURCE));
        all.add(new Registration<>(Attribution.class, ATTRIBUTION));
        all.add(new Registration<>(BantItem.class, BANT_ITEM));
        all.add(new Registration<>(BantChecklist.class, BANT));
        all.add(new Registration<>(PossibleDuplicates.class, POSSIBLE_DUPLICATES));
        all.add(new Registration<>(LeadConversion.class, CONVERSION));
        all.add(new Registration<>(FitRule.class, FIT_RULE));
        all.add(new Registration<>(EngagementRule.class, ENGAGEMENT_RULE));
        all.add(new Registration<>(ScoringModel.class, SCORING_MODEL));
        all.add(new Registration<>(MarketingQualificationRule.class, MQL_RULE));
        all.add(new Registration<>(SalesQualificationPolicy.class, SQL_POLICY));
        all.add(new Registration<>(LeadSettings.class, SETTINGS));
        all.add(new Registration<>(LeadStatusChange.class, STATUS_CHANGE));
        all.add(new Registration<>(RuleContribution.class, CONTRIBUTION));
        all.add(new Registration<>(LeadScore.class, SCORE));
        all.add(new Registration<>(FailedRule.class, FAILED_RULE));
        all.add(new Registration<>(Lead.class, LEAD));
        return all;
    }
}
