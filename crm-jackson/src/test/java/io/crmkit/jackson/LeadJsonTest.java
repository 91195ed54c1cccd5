package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
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
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.SourceRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON forms of leads, lead settings and lead events: every value round-trips, in a stable, readable form. */
class LeadJsonTest {

    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final LeadId LEAD = LeadId.of(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private static final CustomerId CUSTOMER = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");
    private static final CustomerId ORGANISATION = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d");
    private static final DealId DEAL = DealId.of(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e"));
    private static final EventId EVENT = EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee"));

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new CrmModule());

    static LeadSource fullSource() {
        return new LeadSource(LeadChannel.AD, "spring-sale 🌷", "cpc", "scented \"candles\"", "banner-b",
                "https://www.example-search.com/?q=candles&x=1", "https://shop.example/spring?utm_source=ads");
    }

    static Condition everyCondition() {
        return Condition.and(
                Condition.contains("jobTitle", "director"),
                Condition.or(Condition.equalTo("attribute.tier", "gold"), Condition.exists("companyDomain")),
                Condition.not(Condition.in("country", Set.of("XX", "YY"))),
                Condition.emailDomainIn(Set.of("gmail.com", "yahoo.com")),
                Condition.sourceIs(LeadChannel.WEBINAR));
    }

    static LeadSettings fullSettings() {
        ScoringModel model = new ScoringModel(
                List.of(new FitRule("fit", everyCondition(), 15), new FitRule("free mail",
                        Condition.emailDomainIn(Set.of("gmail.com")), -5)),
                List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL, Channel.CALL),
                                Condition.equalTo("direction", "INBOUND"), 4, Duration.ofDays(14).plusSeconds(1)
                                .plusNanos(500), 20),
                        new EngagementRule("visits", Set.of(Channel.WEB_VISIT), null, -3, null, null)),
                Duration.ofDays(180));
        return new LeadSettings(List.of("No budget", "spam", "Zu teuer — später"),
                new MarketingQualificationRule(new BigDecimal("42.5"), everyCondition()),
                new SalesQualificationPolicy(Set.of(BantCriterion.NEED, BantCriterion.TIMELINE), true), model);
    }

    static LeadConversion fullConversion() {
        return new LeadConversion(CUSTOMER, true, ORGANISATION, false,
                RelationshipId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000aa")), DEAL,
                List.of("givenName", "emails", "attributes.tier", "organisation.domain"), 3, AT, UserId.of("bob"));
    }

    static Lead fullLead() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("bronze", "gold")));
        attributes.put("visits", AttributeValue.integer(Long.MIN_VALUE));
        attributes.put("ltv", AttributeValue.decimal("1234.50"));
        attributes.put("vip", AttributeValue.bool(true));
        attributes.put("since", AttributeValue.date(LocalDate.of(2019, 2, 28)));
        return Lead.builder().id(LEAD).tenantId(TENANT).version(7).givenName("Zoë").familyName("O'Brien")
                .jobTitle("Head of \"tea\"").company("Café Luna").companyDomain("cafe-luna.example")
                .countryCode("IE").email(EmailAddress.parse("Zoe.OBrien@Example.COM"))
                .phone(new PhoneNumber("+442079460958", "12")).attributes(attributes)
                .sourceRef(SourceRef.of("webforms", "submission:8812/ä"))
                .firstTouch(new Attribution(fullSource(), AT.minusSeconds(86_400)))
                .lastTouch(new Attribution(LeadSource.of(LeadChannel.WEBINAR), AT))
                .owner(UserId.of("alice")).status(LeadStatus.CONVERTED)
                .qualification(QualificationLevel.SALES_QUALIFIED)
                .bant(new BantChecklist(BantItem.confirmed("£10k\napproved"), BantItem.unknown(),
                        BantItem.confirmed("second café"), BantItem.notConfirmed("maybe Q3")))
                .score(new BigDecimal("-12.50")).scoredAt(AT.plusSeconds(60))
                .possibleDuplicates(new PossibleDuplicates(List.of(CUSTOMER, ORGANISATION), List.of(LEAD)))
                .customerId(CUSTOMER).conversion(fullConversion())
                .createdAt(AT.minusSeconds(86_400)).updatedAt(AT.plusSeconds(3600)).build();
    }

    static Lead minimalLead() {
        Attribution touch = new Attribution(LeadSource.of(LeadChannel.NEWSLETTER), AT);
        return Lead.builder().id(LEAD).tenantId(TENANT).email(EmailAddress.parse("only@example.com"))
                .firstTouch(touch).lastTouch(touch).createdAt(AT).updatedAt(AT).build();
    }

    static Stream<Object> values() {
        return Stream.of(
                fullSource(), LeadSource.of(LeadChannel.OTHER), new Attribution(fullSource(), AT),
                BantItem.unknown(), BantItem.confirmed("yes"),
                new BantChecklist(BantItem.confirmed("a"), BantItem.unknown(), BantItem.notConfirmed("c"),
                        BantItem.confirmed(null)),
                PossibleDuplicates.NONE, new PossibleDuplicates(List.of(CUSTOMER), List.of(LEAD)),
                fullConversion(), new LeadConversion(CUSTOMER, false, null, false, null, null, List.of(), 0, AT, null),
                Condition.equalTo("status", "NEW"), Condition.contains("jobTitle", "Director"),
                Condition.in("country", Set.of("GB", "IE")), Condition.exists("attribute.tier"),
                Condition.emailDomainIn(Set.of("gmail.com")), Condition.sourceIs(LeadChannel.REFERRAL),
                everyCondition(),
                new FitRule("director", Condition.contains("jobTitle", "director"), 15),
                new EngagementRule("webinar", Set.of(Channel.MEETING), Condition.equalTo("attribute.kind", "webinar"),
                        20, Duration.ofDays(30), 40),
                new EngagementRule("visits", Set.of(Channel.WEB_VISIT, Channel.FORM_SUBMISSION), null, -1000, null,
                        null),
                ScoringModel.EMPTY, fullSettings().scoring(),
                MarketingQualificationRule.NONE, MarketingQualificationRule.scoreAtLeast(50),
                new MarketingQualificationRule(new BigDecimal("4E+1"), null),
                new MarketingQualificationRule(new BigDecimal("0.10"), Condition.exists("email")),
                SalesQualificationPolicy.FULL_BANT, new SalesQualificationPolicy(Set.of(), false),
                LeadSettings.defaults(), fullSettings(),
                new LeadStatusChange(LEAD, 1, AT, null, null, LeadStatus.NEW, null),
                new LeadStatusChange(LEAD, 5, AT, UserId.of("bob"), LeadStatus.WORKING, LeadStatus.DISQUALIFIED,
                        "spam\nreally"),
                new RuleContribution("fit", RuleContribution.Kind.FIT, new BigDecimal("15.00"),
                        List.of("jobTitle \"Director\" contains \"director\"")),
                new LeadScore(new BigDecimal("17.25"), AT, List.of(new RuleContribution("e-mails",
                        RuleContribution.Kind.ENGAGEMENT, new BigDecimal("2.25"), List.of("EMAIL INBOUND at ...")))),
                new LeadScore(new BigDecimal("0.00"), AT, List.of()),
                new FailedRule("bant.need", "NEED is required by the policy and was not confirmed"),
                fullLead(), minimalLead(),
                new LeadCaptured(EVENT, TENANT, LEAD, AT, CaptureOutcome.FLAGGED_POSSIBLE_DUPLICATE,
                        LeadChannel.WEB_FORM, "spring"),
                new LeadCaptured(EVENT, TENANT, LEAD, AT, CaptureOutcome.CREATED, LeadChannel.IMPORT, null),
                new LeadAssigned(EVENT, TENANT, LEAD, AT, null, UserId.of("alice"), null),
                new LeadAssigned(EVENT, TENANT, LEAD, AT, UserId.of("alice"), UserId.of("bob"), UserId.of("carol")),
                new LeadStatusChanged(EVENT, TENANT, LEAD, AT, LeadStatus.NEW, LeadStatus.WORKING, UserId.of("bob"),
                        null),
                new LeadStatusChanged(EVENT, TENANT, LEAD, AT, LeadStatus.WORKING, LeadStatus.DISQUALIFIED, null,
                        "spam"),
                new LeadQualified(EVENT, TENANT, LEAD, AT, QualificationLevel.MARKETING_QUALIFIED, null),
                new LeadQualified(EVENT, TENANT, LEAD, AT, QualificationLevel.SALES_QUALIFIED, UserId.of("bob")),
                new LeadDisqualified(EVENT, TENANT, LEAD, AT, "no budget", UserId.of("bob")),
                new LeadScored(EVENT, TENANT, LEAD, AT, null, new BigDecimal("12.50"), AT),
                new LeadScored(EVENT, TENANT, LEAD, AT, new BigDecimal("12.50"), new BigDecimal("-3.00"), AT),
                new LeadConverted(EVENT, TENANT, LEAD, AT, CUSTOMER, true, ORGANISATION, DEAL, UserId.of("bob")),
                new LeadConverted(EVENT, TENANT, LEAD, AT, CUSTOMER, false, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("values")
    void every_value_round_trips(Object value) throws Exception {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, value.getClass())).isEqualTo(value);
        if (value instanceof Condition) {
            assertThat(mapper.readValue(json, Condition.class)).isEqualTo(value);
        }
        if (value instanceof DomainEvent) {
            assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void forms_do_not_depend_on_the_host_mapper_configuration(Object value) throws Exception {
        ObjectMapper snake = new ObjectMapper().registerModule(new CrmModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(snake.writeValueAsString(value)).isEqualTo(mapper.writeValueAsString(value));
    }

    @Test
    void settings_are_readable_json() throws Exception {
        JsonNode json = mapper.valueToTree(fullSettings());
        assertThat(json.get("marketingQualification").get("minimumScore").asText()).isEqualTo("42.5");
        assertThat(json.get("salesQualification").get("required").toString()).isEqualTo("[\"NEED\",\"TIMELINE\"]");
        assertThat(json.get("scoring").get("window").asText()).isEqualTo("PT4320H");
        JsonNode rule = json.get("scoring").get("engagementRules").get(0);
        assertThat(rule.get("halfLife").asText()).isEqualTo("PT336H1.0000005S");
        assertThat(rule.get("channels").toString()).isEqualTo("[\"EMAIL\",\"CALL\"]");
        JsonNode condition = json.get("scoring").get("fitRules").get(0).get("when");
        assertThat(condition.get("type").asText()).isEqualTo("And");
        assertThat(condition.get("conditions").get(2).toString())
                .isEqualTo("{\"type\":\"Not\",\"condition\":{\"type\":\"InSet\",\"key\":\"country\","
                        + "\"values\":[\"XX\",\"YY\"]}}");
    }

    @Test
    void a_lead_is_readable_json() throws Exception {
        JsonNode json = mapper.valueToTree(fullLead());
        assertThat(json.get("email").asText()).isEqualTo("Zoe.OBrien@example.com");
        assertThat(json.get("score").asText()).isEqualTo("-12.50");
        assertThat(json.get("firstTouch").get("source").get("campaign").asText()).isEqualTo("spring-sale 🌷");
        assertThat(json.get("bant").get("budget").get("confirmed").asBoolean()).isTrue();
        assertThat(json.get("conversion").get("dealId").asText()).isEqualTo(DEAL.toString());
        JsonNode minimal = mapper.valueToTree(minimalLead());
        assertThat(minimal.has("score")).isFalse();
        assertThat(minimal.get("possibleDuplicates").toString()).isEqualTo("{\"customers\":[],\"leads\":[]}");
        JsonNode event = mapper.valueToTree(new LeadScored(EVENT, TENANT, LEAD, AT, null, new BigDecimal("5.00"),
                AT));
        assertThat(event.get("type").asText()).isEqualTo("LeadScored");
        assertThat(event.get("to").asText()).isEqualTo("5.00");
    }

    @Test
    void malformed_lead_json_is_refused_naming_the_field() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Like\",\"key\":\"x\"}", Condition.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("condition.type 'Like'");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Equals\",\"key\":\"x\",\"value\":\" \"}",
                Condition.class)).isInstanceOf(JsonMappingException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Exists\",\"key\":\"x\"}", Condition.Equals.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"r\",\"channels\":[\"EMAIL\"],\"points\":1,"
                + "\"halfLife\":\"two weeks\"}", EngagementRule.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("engagementRule.halfLife");
        assertThatThrownBy(() -> mapper.readValue("{\"minimumScore\":42.5}", MarketingQualificationRule.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("minimumScore");
        assertThatThrownBy(() -> mapper.readValue("{\"disqualificationReasons\":[]}", LeadSettings.class))
                .isInstanceOf(JsonMappingException.class).hasCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"channel\":\"FAX\"}", LeadSource.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("leadSource.channel");
    }
}
