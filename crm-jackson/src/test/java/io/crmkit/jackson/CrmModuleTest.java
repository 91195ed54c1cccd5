package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerUnarchived;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipRemoved;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.math.BigDecimal;
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

class CrmModuleTest {

    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final CustomerId SARAH = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final CustomerId CAFE = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new CrmModule());

    static Customer person() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("bronze", "silver", "gold")));
        attributes.put("visits", AttributeValue.integer(Long.MAX_VALUE));
        attributes.put("ltv", AttributeValue.decimal("1234.5"));
        attributes.put("vip", AttributeValue.bool(true));
        attributes.put("since", AttributeValue.date(LocalDate.of(2019, 2, 28)));
        attributes.put("note", AttributeValue.text("likes \"quotes\" and ünïcödé ☕"));
        return new Customer(SARAH, TENANT, 7, CustomerKind.PERSON, new PersonProfile("Sarah", "Connor", "Barista"),
                null,
                List.of(new EmailContact(EmailAddress.parse("Sarah@Example.COM"), "work", true),
                        new EmailContact(EmailAddress.parse("s@home.example"), null, false)),
                List.of(new PhoneContact(PhoneNumber.parse("+44 20 7946 0958 ext. 12", null), "mobile", false)),
                List.of(new PostalAddress("1 Main St\nFlat 2", "SW1A 1AA", "London", null, "gb", "home", true)),
                Set.of("vip", "latte"), attributes, Map.of("drink", AttributeValue.text("oat latte")),
                List.of(ImportantDate.birthday(LocalDate.of(1990, 4, 1)), new ImportantDate("first-visit",
                        LocalDate.of(2020, 1, 2))),
                UserId.of("alice"), CommunicationPreference.prefers(ContactChannel.EMAIL), LifecycleStage.CUSTOMER,
                AT, AT.plusSeconds(60), AT.plusSeconds(120));
    }

    static Stream<Object> values() {
        Touchpoint purchase = new Touchpoint(TouchpointId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000001")),
                TENANT, SARAH, Channel.PURCHASE, Direction.INBOUND, AT, AT.plusMillis(5), "Order 1001", "2 candles",
                UserId.of("bob"), DealId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000002")),
                Map.of("store", AttributeValue.text("Soho")), new Purchase(Money.of("42.50", "EUR"), "1001"),
                SourceRef.of("shop", "order-1001"));
        Touchpoint call = new Touchpoint(TouchpointId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000003")),
                TENANT, SARAH, Channel.CALL, Direction.OUTBOUND, AT, AT, null, null, null, null, Map.of(), null, null);
        LeadId lead = LeadId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000cc"));
        Touchpoint leadVisit = new Touchpoint(TouchpointId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000004")),
                TENANT, null, lead, Channel.WEB_VISIT, Direction.INBOUND, AT, AT, null, null, null, null, Map.of(),
                null, SourceRef.of("web", "visit-1"));
        EventId event = EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee"));
        RelationshipId rel = RelationshipId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000aa"));
        return Stream.of(
                SARAH, DealId.of(UUID.randomUUID()), LeadId.of(UUID.randomUUID()), rel,
                TouchpointId.of(UUID.randomUUID()), event, TENANT, UserId.of("user 42"),
                Money.of("12.50", "EUR"), Money.of("-3", "JPY"), Money.of("1.234", "BHD"),
                AttributeValue.text(""), AttributeValue.integer(-5), AttributeValue.decimal("0.000000000000000001"),
                AttributeValue.decimal("-1E+20"), AttributeValue.bool(false), AttributeValue.date(LocalDate.of(1900, 1, 1)),
                AttributeValue.oneOf("a", List.of("a", "b")),
                EmailAddress.parse("x@y.example"), PhoneNumber.ofE164("+4915112345678"),
                PhoneNumber.parse("+1 212 555 0100 ext 99", null),
                new EmailContact(EmailAddress.parse("x@y.example"), null, false),
                new PhoneContact(PhoneNumber.ofE164("+4915112345678"), "home", true),
                new PostalAddress("Main St 1", null, "Berlin", "BE", "DE", null, false),
                ImportantDate.anniversary(LocalDate.of(2001, 9, 9)), RelationshipType.WORKS_AT,
                RelationshipType.symmetric("neighbour of"), SourceRef.of("mailchimp", "abc 123"),
                new Purchase(Money.of("0.00", "USD"), null), CommunicationPreference.NONE,
                CommunicationPreference.doNotContactAtAll(), new PersonProfile(null, "Cher", null),
                new OrganisationProfile("Café Luna", "cafe-luna.example", "Food", 12),
                new OrganisationProfile("Acme", null, null, null),
                person(), new Customer(CAFE, TENANT, 1, CustomerKind.ORGANISATION, null,
                        new OrganisationProfile("Café Luna", null, null, null), null, null, null, null, null, null,
                        null, null, null, LifecycleStage.LEAD, AT, AT, null),
                new Relationship(rel, TENANT, SARAH, RelationshipType.WORKS_AT, CAFE, AT),
                new RelatedCustomer(rel, CAFE, "employs", SARAH), purchase, call,
                new CustomerActivity(SARAH, Map.of(Channel.CALL, 3L, Channel.PURCHASE, 1L), purchase.id(), AT, AT),
                CustomerActivity.none(CAFE),
                new CustomerRegistered(event, TENANT, SARAH, AT, CustomerKind.PERSON, LifecycleStage.LEAD),
                new CustomerUpdated(event, TENANT, SARAH, AT, 3),
                new CustomerArchived(event, TENANT, SARAH, AT), new CustomerUnarchived(event, TENANT, SARAH, AT),
                new LifecycleStageChanged(event, TENANT, SARAH, AT, LifecycleStage.LEAD, LifecycleStage.CUSTOMER,
                        false, null),
                new LifecycleStageChanged(event, TENANT, SARAH, AT, LifecycleStage.CUSTOMER, LifecycleStage.LEAD,
                        true, "data entry error"),
                new RelationshipCreated(event, TENANT, rel, AT, SARAH, RelationshipType.WORKS_AT, CAFE),
                new RelationshipRemoved(event, TENANT, rel, AT, SARAH, RelationshipType.WORKS_AT, CAFE),
                new TouchpointRecorded(event, TENANT, purchase.id(), AT, SARAH, Channel.PURCHASE, Direction.INBOUND,
                        AT.minusSeconds(3600)),
                leadVisit,
                new TouchpointRecorded(event, TENANT, leadVisit.id(), AT, null, Channel.WEB_VISIT, Direction.INBOUND,
                        AT, lead));
    }

    @ParameterizedTest
    @MethodSource("values")
    void every_value_round_trips(Object value) throws Exception {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, value.getClass())).isEqualTo(value);
        // the declared interface types read the same value back
        if (value instanceof AttributeValue) {
            assertThat(mapper.readValue(json, AttributeValue.class)).isEqualTo(value);
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
    void money_amounts_are_strings() throws Exception {
        assertThat(mapper.writeValueAsString(Money.of("12.5", "EUR")))
                .isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("money.amount");
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"1.005\",\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(JsonMappingException.class).hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fraction digits");
    }

    @Test
    void attribute_values_are_typed() throws Exception {
        assertThat(mapper.writeValueAsString(AttributeValue.decimal("2.50")))
                .isEqualTo("{\"type\":\"DECIMAL\",\"value\":\"2.5\"}");
        assertThat(mapper.writeValueAsString(AttributeValue.integer(7)))
                .isEqualTo("{\"type\":\"INTEGER\",\"value\":7}");
        assertThat(mapper.writeValueAsString(AttributeValue.oneOf("b", List.of("a", "b"))))
                .isEqualTo("{\"type\":\"ONE_OF\",\"value\":\"b\",\"options\":[\"a\",\"b\"]}");
        assertThat(mapper.readValue("{\"type\":\"INTEGER\",\"value\":\"9007199254740993\"}", AttributeValue.class))
                .isEqualTo(AttributeValue.integer(9007199254740993L));
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"ONE_OF\",\"value\":\"c\",\"options\":[\"a\"]}",
                AttributeValue.class)).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"TEXT\",\"value\":\"x\"}",
                AttributeValue.DecimalValue.class)).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"COLOUR\",\"value\":\"x\"}", AttributeValue.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("attribute value.type");
    }

    @Test
    void attribute_maps_round_trip_with_a_type_reference() throws Exception {
        Map<String, AttributeValue> attributes = person().attributes();
        String json = mapper.writeValueAsString(attributes);
        assertThat(mapper.<Map<String, AttributeValue>>readValue(json, new TypeReference<>() {
        })).isEqualTo(attributes);
    }

    @Test
    void events_carry_a_type_discriminator() throws Exception {
        DomainEvent event = new CustomerArchived(EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee")),
                TENANT, SARAH, AT);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));
        assertThat(json.get("type").asText()).isEqualTo("CustomerArchived");
        assertThat(json.get("customerId").asText()).isEqualTo(SARAH.toString());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2024-05-01T10:15:30.123456Z");
        List<DomainEvent> events = List.of(event, new CustomerUpdated(event.eventId(), TENANT, SARAH, AT, 2));
        String list = mapper.writerFor(new TypeReference<List<DomainEvent>>() {
        }).writeValueAsString(events);
        assertThat(mapper.<List<DomainEvent>>readValue(list, new TypeReference<>() {
        })).isEqualTo(events);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"CustomerMerged\"}", DomainEvent.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("event.type 'CustomerMerged'");
        assertThatThrownBy(() -> mapper.readValue(mapper.writeValueAsString(event), CustomerUpdated.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void ids_are_uuid_strings_and_map_keys() throws Exception {
        assertThat(mapper.writeValueAsString(SARAH)).isEqualTo("\"" + SARAH + "\"");
        assertThat(mapper.writeValueAsString(TENANT)).isEqualTo("\"shop-1\"");
        Map<CustomerId, Long> counts = Map.of(SARAH, 3L);
        String json = mapper.writeValueAsString(counts);
        assertThat(json).isEqualTo("{\"" + SARAH + "\":3}");
        assertThat(mapper.<Map<CustomerId, Long>>readValue(json, new TypeReference<>() {
        })).isEqualTo(counts);
        assertThatThrownBy(() -> mapper.readValue("\"not-a-uuid\"", CustomerId.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("\"bad tenant!\"", TenantId.class))
                .isInstanceOf(JsonMappingException.class).hasCauseInstanceOf(InvalidInputException.class);
    }

    @Test
    void unknown_fields_are_ignored_and_missing_required_ones_named() throws Exception {
        assertThat(mapper.readValue("{\"system\":\"shop\",\"externalId\":\"1\",\"later\":true}", SourceRef.class))
                .isEqualTo(SourceRef.of("shop", "1"));
        assertThatThrownBy(() -> mapper.readValue("{\"system\":\"shop\"}", SourceRef.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("source.externalId is required");
        assertThat(mapper.readValue("\"+4915112345678\"", PhoneNumber.class))
                .isEqualTo(PhoneNumber.ofE164("+4915112345678"));
        assertThat(mapper.readValue("null", Money.class)).isNull();
    }

    @Test
    void customer_json_is_readable() throws Exception {
        JsonNode json = mapper.valueToTree(person());
        assertThat(json.get("emails").get(0).get("address").asText()).isEqualTo("Sarah@example.com");
        assertThat(json.get("phones").get(0).get("number").get("extension").asText()).isEqualTo("12");
        assertThat(json.get("tags").toString()).isEqualTo("[\"latte\",\"vip\"]");
        assertThat(json.has("archivedAt")).isTrue();
        assertThat(json.get("attributes").get("ltv").get("value").asText()).isEqualTo("1234.5");
    }
}
