package io.crmkit.jackson;

import static io.crmkit.jackson.JsonOut.enumValue;
import static io.crmkit.jackson.JsonOut.instant;
import static io.crmkit.jackson.JsonOut.text;
import static io.crmkit.jackson.JsonOut.uuid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.AggregateId;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The JSON forms of crmkit's values. Internal to this module; {@link CrmModule} registers them. */
final class ValueCodecs {

    private ValueCodecs() {
    }

    /** An id written as its canonical UUID string. */
    static <T> Codec<T> uuidString(Function<T, UUID> value, Function<UUID, T> make, String name) {
        return new Codec<>() {
            @Override
            public void write(JsonGenerator g, T id) throws IOException {
                g.writeString(value.apply(id).toString());
            }

            @Override
            public T read(JsonNode node) {
                return make.apply(JsonIn.uuid(node, name));
            }
        };
    }

    /** A value written as a plain string. */
    static <T> Codec<T> string(Function<T, String> value, Function<String, T> make, String name) {
        return new Codec<>() {
            @Override
            public void write(JsonGenerator g, T v) throws IOException {
                g.writeString(value.apply(v));
            }

            @Override
            public T read(JsonNode node) {
                if (!node.isTextual()) {
                    throw new JsonIn.BadJson(name + " must be a string");
                }
                return make.apply(node.textValue());
            }
        };
    }

    /**
     * An enum written as its constant's name whatever the mapper's enum features say, and read only from that name
     * (exactly; no index, no other case); a complaint names the enum ({@code "stageKind must be one of [...]"}).
     */
    static <E extends Enum<E>> Codec<E> enumName(Class<E> type) {
        String simple = type.getSimpleName();
        String name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        return new Codec<>() {
            @Override
            public void write(JsonGenerator g, E value) throws IOException {
                g.writeString(value.name());
            }

            @Override
            public E read(JsonNode node) {
                return JsonIn.enumValue(node, name, type);
            }
        };
    }

    static final Codec<CustomerId> CUSTOMER_ID = uuidString(AggregateId::value, CustomerId::new, "customerId");
    static final Codec<DealId> DEAL_ID = uuidString(AggregateId::value, DealId::new, "dealId");
    static final Codec<LeadId> LEAD_ID = uuidString(AggregateId::value, LeadId::new, "leadId");
    static final Codec<RelationshipId> RELATIONSHIP_ID =
            uuidString(AggregateId::value, RelationshipId::new, "relationshipId");
    static final Codec<TouchpointId> TOUCHPOINT_ID = uuidString(AggregateId::value, TouchpointId::new, "touchpointId");
    static final Codec<PipelineId> PIPELINE_ID = uuidString(AggregateId::value, PipelineId::new, "pipelineId");
    static final Codec<StageId> STAGE_ID = uuidString(StageId::value, StageId::new, "stageId");
    static final Codec<TaskId> TASK_ID = uuidString(AggregateId::value, TaskId::new, "taskId");
    static final Codec<EventId> EVENT_ID = uuidString(EventId::value, EventId::new, "eventId");
    static final Codec<TenantId> TENANT_ID = string(TenantId::value, TenantId::new, "tenantId");
    static final Codec<UserId> USER_ID = string(UserId::value, UserId::new, "userId");
    static final Codec<EmailAddress> EMAIL_ADDRESS = string(EmailAddress::value, EmailAddress::new, "email");

    static final Codec<Money> MONEY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Money money) throws IOException {
            g.writeStartObject();
            g.writeStringField("amount", money.amount().toPlainString());
            g.writeStringField("currency", money.currency().getCurrencyCode());
            g.writeEndObject();
        }

        @Override
        public Money read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "money");
            return new Money(in.decimal("amount"), Money.currency(in.text("currency")));
        }
    };

    static final Codec<AttributeValue> ATTRIBUTE_VALUE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, AttributeValue value) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", value.type().name());
            g.writeFieldName("value");
            if (value instanceof AttributeValue.IntegerValue i) {
                g.writeNumber(i.value());
            } else if (value instanceof AttributeValue.BooleanValue b) {
                g.writeBoolean(b.value());
            } else {
                g.writeString(value.asText()); // text, decimal (plain notation), date (ISO), one-of
            }
            if (value instanceof AttributeValue.OneOf oneOf) {
                g.writeArrayFieldStart("options");
                for (String option : oneOf.options()) {
                    g.writeString(option);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        @Override
        public AttributeValue read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "attribute value");
            AttributeValue.AttributeType type = in.enumValue("type", AttributeValue.AttributeType.class);
            JsonNode value = in.req("value");
            switch (type) {
                case TEXT:
                    return AttributeValue.text(in.text("value"));
                case INTEGER:
                    return AttributeValue.integer(JsonIn.longValue(value, "attribute value.value"));
                case DECIMAL:
                    return AttributeValue.decimal(JsonIn.decimal(value, "attribute value.value"));
                case BOOLEAN:
                    return AttributeValue.bool(in.bool("value", false));
                case DATE:
                    return AttributeValue.date(JsonIn.date(value, "attribute value.value"));
                case ONE_OF:
                    return AttributeValue.oneOf(in.text("value"), in.list("options", STRING));
                default:
                    throw new JsonIn.BadJson("unknown attribute type " + type);
            }
        }
    };

    static final Codec<String> STRING = string(s -> s, s -> s, "value");

    static final Codec<PhoneNumber> PHONE_NUMBER = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PhoneNumber phone) throws IOException {
            g.writeStartObject();
            g.writeStringField("e164", phone.e164());
            text(g, "extension", phone.extension());
            g.writeEndObject();
        }

        @Override
        public PhoneNumber read(JsonNode node) {
            if (node.isTextual()) {
                return PhoneNumber.ofE164(node.textValue());
            }
            JsonIn in = JsonIn.object(node, "phone");
            return new PhoneNumber(in.text("e164"), in.optText("extension"));
        }
    };

    static final Codec<EmailContact> EMAIL_CONTACT = new Codec<>() {
        @Override
        public void write(JsonGenerator g, EmailContact email) throws IOException {
            g.writeStartObject();
            g.writeStringField("address", email.address().value());
            text(g, "label", email.label());
            g.writeBooleanField("primary", email.primary());
            g.writeEndObject();
        }

        @Override
        public EmailContact read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "email");
            return new EmailContact(in.value("address", EMAIL_ADDRESS), in.optText("label"),
                    in.bool("primary", false));
        }
    };

    static final Codec<PhoneContact> PHONE_CONTACT = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PhoneContact phone) throws IOException {
            g.writeStartObject();
            g.writeFieldName("number");
            PHONE_NUMBER.write(g, phone.number());
            text(g, "label", phone.label());
            g.writeBooleanField("primary", phone.primary());
            g.writeEndObject();
        }

        @Override
        public PhoneContact read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "phone");
            return new PhoneContact(in.value("number", PHONE_NUMBER), in.optText("label"), in.bool("primary", false));
        }
    };

    static final Codec<PostalAddress> POSTAL_ADDRESS = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PostalAddress a) throws IOException {
            g.writeStartObject();
            g.writeStringField("street", a.street());
            text(g, "postalCode", a.postalCode());
            g.writeStringField("locality", a.locality());
            text(g, "region", a.region());
            g.writeStringField("countryCode", a.countryCode());
            text(g, "label", a.label());
            g.writeBooleanField("primary", a.primary());
            g.writeEndObject();
        }

        @Override
        public PostalAddress read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "address");
            return new PostalAddress(in.text("street"), in.optText("postalCode"), in.text("locality"),
                    in.optText("region"), in.text("countryCode"), in.optText("label"), in.bool("primary", false));
        }
    };

    static final Codec<ImportantDate> IMPORTANT_DATE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, ImportantDate d) throws IOException {
            g.writeStartObject();
            g.writeStringField("kind", d.kind());
            g.writeStringField("date", d.date().toString());
            g.writeEndObject();
        }

        @Override
        public ImportantDate read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "importantDate");
            return new ImportantDate(in.text("kind"), in.date("date"));
        }
    };

    static final Codec<RelationshipType> RELATIONSHIP_TYPE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, RelationshipType t) throws IOException {
            g.writeStartObject();
            g.writeStringField("label", t.label());
            g.writeStringField("inverseLabel", t.inverseLabel());
            g.writeEndObject();
        }

        @Override
        public RelationshipType read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "relationshipType");
            return new RelationshipType(in.text("label"), in.text("inverseLabel"));
        }
    };

    static final Codec<SourceRef> SOURCE_REF = new Codec<>() {
        @Override
        public void write(JsonGenerator g, SourceRef s) throws IOException {
            g.writeStartObject();
            g.writeStringField("system", s.system());
            g.writeStringField("externalId", s.externalId());
            g.writeEndObject();
        }

        @Override
        public SourceRef read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "source");
            return new SourceRef(in.text("system"), in.text("externalId"));
        }
    };

    static final Codec<Purchase> PURCHASE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Purchase p) throws IOException {
            g.writeStartObject();
            g.writeFieldName("amount");
            MONEY.write(g, p.amount());
            text(g, "orderReference", p.orderReference());
            g.writeEndObject();
        }

        @Override
        public Purchase read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "purchase");
            return new Purchase(in.value("amount", MONEY), in.optText("orderReference"));
        }
    };

    static final Codec<CommunicationPreference> COMMUNICATION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, CommunicationPreference c) throws IOException {
            g.writeStartObject();
            enumValue(g, "preferredChannel", c.preferredChannel());
            g.writeBooleanField("doNotContact", c.doNotContact());
            g.writeEndObject();
        }

        @Override
        public CommunicationPreference read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "communication");
            return new CommunicationPreference(in.optEnum("preferredChannel", ContactChannel.class),
                    in.bool("doNotContact", false));
        }
    };

    static final Codec<PersonProfile> PERSON = new Codec<>() {
        @Override
        public void write(JsonGenerator g, PersonProfile p) throws IOException {
            g.writeStartObject();
            text(g, "givenName", p.givenName());
            text(g, "familyName", p.familyName());
            text(g, "jobTitle", p.jobTitle());
            g.writeEndObject();
        }

        @Override
        public PersonProfile read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "person");
            return new PersonProfile(in.optText("givenName"), in.optText("familyName"), in.optText("jobTitle"));
        }
    };

    static final Codec<OrganisationProfile> ORGANISATION = new Codec<>() {
        @Override
        public void write(JsonGenerator g, OrganisationProfile o) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", o.name());
            text(g, "domain", o.domain());
            text(g, "industry", o.industry());
            if (o.employeeCount() != null) {
                g.writeNumberField("employeeCount", o.employeeCount());
            }
            g.writeEndObject();
        }

        @Override
        public OrganisationProfile read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "organisation");
            return new OrganisationProfile(in.text("name"), in.optText("domain"), in.optText("industry"),
                    in.optInt("employeeCount"));
        }
    };

    static final Codec<Customer> CUSTOMER = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Customer c) throws IOException {
            g.writeStartObject();
            uuid(g, "id", c.id().value());
            g.writeStringField("tenantId", c.tenantId().value());
            g.writeNumberField("version", c.version());
            enumValue(g, "kind", c.kind());
            JsonOut.value(g, "person", c.person(), PERSON);
            JsonOut.value(g, "organisation", c.organisation(), ORGANISATION);
            JsonOut.list(g, "emails", c.emails(), EMAIL_CONTACT);
            JsonOut.list(g, "phones", c.phones(), PHONE_CONTACT);
            JsonOut.list(g, "addresses", c.addresses(), POSTAL_ADDRESS);
            JsonOut.list(g, "tags", c.tags(), STRING);
            JsonOut.map(g, "attributes", c.attributes(), ATTRIBUTE_VALUE);
            JsonOut.map(g, "preferences", c.preferences(), ATTRIBUTE_VALUE);
            JsonOut.list(g, "importantDates", c.importantDates(), IMPORTANT_DATE);
            JsonOut.value(g, "owner", c.owner(), USER_ID);
            JsonOut.value(g, "communication", c.communication(), COMMUNICATION);
            enumValue(g, "lifecycleStage", c.lifecycleStage());
            instant(g, "createdAt", c.createdAt());
            instant(g, "updatedAt", c.updatedAt());
            instant(g, "archivedAt", c.archivedAt());
            g.writeEndObject();
        }

        @Override
        public Customer read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "customer");
            return new Customer(new CustomerId(in.uuid("id")), in.value("tenantId", TENANT_ID),
                    in.longValue("version"), in.enumValue("kind", CustomerKind.class),
                    in.optValue("person", PERSON), in.optValue("organisation", ORGANISATION),
                    in.list("emails", EMAIL_CONTACT), in.list("phones", PHONE_CONTACT),
                    in.list("addresses", POSTAL_ADDRESS), new LinkedHashSet<>(in.list("tags", STRING)),
                    in.map("attributes", ATTRIBUTE_VALUE), in.map("preferences", ATTRIBUTE_VALUE),
                    in.list("importantDates", IMPORTANT_DATE), in.optValue("owner", USER_ID),
                    in.optValue("communication", COMMUNICATION),
                    in.enumValue("lifecycleStage", LifecycleStage.class), in.instant("createdAt"),
                    in.instant("updatedAt"), in.optInstant("archivedAt"));
        }
    };

    static final Codec<Relationship> RELATIONSHIP = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Relationship r) throws IOException {
            g.writeStartObject();
            uuid(g, "id", r.id().value());
            g.writeStringField("tenantId", r.tenantId().value());
            uuid(g, "from", r.from().value());
            JsonOut.value(g, "type", r.type(), RELATIONSHIP_TYPE);
            uuid(g, "to", r.to().value());
            instant(g, "createdAt", r.createdAt());
            g.writeEndObject();
        }

        @Override
        public Relationship read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "relationship");
            return new Relationship(new RelationshipId(in.uuid("id")), in.value("tenantId", TENANT_ID),
                    new CustomerId(in.uuid("from")), in.value("type", RELATIONSHIP_TYPE),
                    new CustomerId(in.uuid("to")), in.instant("createdAt"));
        }
    };

    static final Codec<RelatedCustomer> RELATED_CUSTOMER = new Codec<>() {
        @Override
        public void write(JsonGenerator g, RelatedCustomer r) throws IOException {
            g.writeStartObject();
            uuid(g, "relationshipId", r.relationshipId().value());
            uuid(g, "customer", r.customer().value());
            g.writeStringField("label", r.label());
            uuid(g, "other", r.other().value());
            g.writeEndObject();
        }

        @Override
        public RelatedCustomer read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "relatedCustomer");
            return new RelatedCustomer(new RelationshipId(in.uuid("relationshipId")),
                    new CustomerId(in.uuid("customer")), in.text("label"), new CustomerId(in.uuid("other")));
        }
    };

    static final Codec<Touchpoint> TOUCHPOINT = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Touchpoint t) throws IOException {
            g.writeStartObject();
            uuid(g, "id", t.id().value());
            g.writeStringField("tenantId", t.tenantId().value());
            uuid(g, "customerId", t.customerId() == null ? null : t.customerId().value());
            uuid(g, "leadId", t.leadId() == null ? null : t.leadId().value());
            enumValue(g, "channel", t.channel());
            enumValue(g, "direction", t.direction());
            instant(g, "occurredAt", t.occurredAt());
            instant(g, "recordedAt", t.recordedAt());
            text(g, "subject", t.subject());
            text(g, "body", t.body());
            JsonOut.value(g, "handledBy", t.handledBy(), USER_ID);
            uuid(g, "dealId", t.dealId() == null ? null : t.dealId().value());
            JsonOut.map(g, "attributes", t.attributes(), ATTRIBUTE_VALUE);
            JsonOut.value(g, "purchase", t.purchase(), PURCHASE);
            JsonOut.value(g, "source", t.source(), SOURCE_REF);
            g.writeEndObject();
        }

        @Override
        public Touchpoint read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "touchpoint");
            UUID deal = in.optUuid("dealId");
            UUID customer = in.optUuid("customerId");
            UUID lead = in.optUuid("leadId");
            return new Touchpoint(new TouchpointId(in.uuid("id")), in.value("tenantId", TENANT_ID),
                    customer == null ? null : new CustomerId(customer), lead == null ? null : new LeadId(lead),
                    in.enumValue("channel", Channel.class),
                    in.enumValue("direction", Direction.class), in.instant("occurredAt"), in.instant("recordedAt"),
                    in.optText("subject"), in.optText("body"), in.optValue("handledBy", USER_ID),
                    deal == null ? null : new DealId(deal), in.map("attributes", ATTRIBUTE_VALUE),
                    in.optValue("purchase", PURCHASE), in.optValue("source", SOURCE_REF));
        }
    };

    static final Codec<CustomerActivity> CUSTOMER_ACTIVITY = new Codec<>() {
        @Override
        public void write(JsonGenerator g, CustomerActivity a) throws IOException {
            g.writeStartObject();
            uuid(g, "customerId", a.customerId().value());
            g.writeObjectFieldStart("countsByChannel");
            for (Map.Entry<Channel, Long> count : a.countsByChannel().entrySet()) {
                g.writeNumberField(count.getKey().name(), count.getValue());
            }
            g.writeEndObject();
            uuid(g, "lastTouchpointId", a.lastTouchpointId() == null ? null : a.lastTouchpointId().value());
            instant(g, "lastTouchpointAt", a.lastTouchpointAt());
            instant(g, "lastPurchaseAt", a.lastPurchaseAt());
            g.writeEndObject();
        }

        @Override
        public CustomerActivity read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "customerActivity");
            Map<Channel, Long> counts = new EnumMap<>(Channel.class);
            Map<String, Long> raw = in.map("countsByChannel", new Codec<>() {
                @Override
                public void write(JsonGenerator g, Long value) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Long read(JsonNode count) {
                    return JsonIn.longValue(count, "customerActivity.countsByChannel");
                }
            });
            List<String> unknown = new ArrayList<>();
            raw.forEach((channel, count) -> {
                try {
                    counts.put(Channel.valueOf(channel), count);
                } catch (IllegalArgumentException e) {
                    unknown.add(channel);
                }
            });
            if (!unknown.isEmpty()) {
                throw new JsonIn.BadJson("customerActivity.countsByChannel has unknown channels " + unknown);
            }
            UUID last = in.optUuid("lastTouchpointId");
            return new CustomerActivity(new CustomerId(in.uuid("customerId")), counts,
                    last == null ? null : new TouchpointId(last), in.optInstant("lastTouchpointAt"),
                    in.optInstant("lastPurchaseAt"));
        }
    };

    /**
     * A {@link LifecycleChange} as an object whose {@code "type"} is its record's simple name: {@code Advanced}
     * ({@code customer}, {@code from}, {@code to}), {@code Unchanged} ({@code customer}) or {@code Refused}
     * ({@code customer}, {@code from}, {@code requested}, {@code reason}).
     */
    static final Codec<LifecycleChange> LIFECYCLE_CHANGE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, LifecycleChange change) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", change.getClass().getSimpleName());
            JsonOut.value(g, "customer", change.customer(), CUSTOMER);
            if (change instanceof LifecycleChange.Advanced) {
                LifecycleChange.Advanced advanced = (LifecycleChange.Advanced) change;
                enumValue(g, "from", advanced.from());
                enumValue(g, "to", advanced.to());
            } else if (change instanceof LifecycleChange.Refused) {
                LifecycleChange.Refused refused = (LifecycleChange.Refused) change;
                enumValue(g, "from", refused.from());
                enumValue(g, "requested", refused.requested());
                text(g, "reason", refused.reason());
            } else if (!(change instanceof LifecycleChange.Unchanged)) {
                throw new IllegalArgumentException("crm-jackson does not know the lifecycle change "
                        + change.getClass());
            }
            g.writeEndObject();
        }

        @Override
        public LifecycleChange read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "lifecycleChange");
            String type = in.text("type");
            switch (type) {
                case "Advanced":
                    return new LifecycleChange.Advanced(in.value("customer", CUSTOMER),
                            in.optEnum("from", LifecycleStage.class), in.enumValue("to", LifecycleStage.class));
                case "Unchanged":
                    return new LifecycleChange.Unchanged(in.value("customer", CUSTOMER));
                case "Refused":
                    return new LifecycleChange.Refused(in.value("customer", CUSTOMER),
                            in.optEnum("from", LifecycleStage.class), in.enumValue("requested", LifecycleStage.class),
                            in.optText("reason"));
                default:
                    throw new JsonIn.BadJson("lifecycleChange.type '" + type
                            + "' is not one of [Advanced, Unchanged, Refused]");
            }
        }
    };
}
