package io.crmkit.jackson;

import static io.crmkit.jackson.JsonOut.enumValue;
import static io.crmkit.jackson.JsonOut.instant;
import static io.crmkit.jackson.JsonOut.text;
import static io.crmkit.jackson.JsonOut.uuid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.customer.CustomerArchived;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerRegistered;
import io.crmkit.customer.CustomerUnarchived;
import io.crmkit.customer.CustomerUpdated;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.customer.RelationshipCreated;
import io.crmkit.customer.RelationshipRemoved;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON forms of crmkit's domain events: an object whose {@code type} field is the event's simple class name,
 * followed by {@code eventId}, {@code tenantId}, {@code occurredAt} and the event's own fields (a relationship
 * event's {@code type} component is written as {@code relationshipType}, since {@code type} is the discriminator).
 * Internal to this module.
 */
final class EventCodecs {

    private EventCodecs() {
    }

    /** One event type: its discriminator, its class, how to write its own fields and how to read it. */
    record EventType<E extends DomainEvent>(String name, Class<E> type, FieldWriter<E> fields, Reader<E> reader) {
    }

    @FunctionalInterface
    interface FieldWriter<E> {
        void write(JsonGenerator g, E event) throws IOException;
    }

    @FunctionalInterface
    interface Reader<E> {
        E read(JsonIn in, EventId id, io.crmkit.shared.TenantId tenant, java.time.Instant occurredAt);
    }

    /** Every known event type, by discriminator. */
    static final Map<String, EventType<?>> TYPES;

    static {
        Map<String, EventType<?>> types = new LinkedHashMap<>();
        add(types, new EventType<>("CustomerRegistered", CustomerRegistered.class, (g, e) -> {
            uuid(g, "customerId", e.customerId().value());
            enumValue(g, "kind", e.kind());
            enumValue(g, "lifecycleStage", e.lifecycleStage());
        }, (in, id, tenant, at) -> new CustomerRegistered(id, tenant, customer(in, "customerId"), at,
                in.enumValue("kind", CustomerKind.class), in.enumValue("lifecycleStage", LifecycleStage.class))));
        add(types, new EventType<>("CustomerUpdated", CustomerUpdated.class, (g, e) -> {
            uuid(g, "customerId", e.customerId().value());
            g.writeNumberField("version", e.version());
        }, (in, id, tenant, at) -> new CustomerUpdated(id, tenant, customer(in, "customerId"), at,
                in.longValue("version"))));
        add(types, new EventType<>("CustomerArchived", CustomerArchived.class,
                (g, e) -> uuid(g, "customerId", e.customerId().value()),
                (in, id, tenant, at) -> new CustomerArchived(id, tenant, customer(in, "customerId"), at)));
        add(types, new EventType<>("CustomerUnarchived", CustomerUnarchived.class,
                (g, e) -> uuid(g, "customerId", e.customerId().value()),
                (in, id, tenant, at) -> new CustomerUnarchived(id, tenant, customer(in, "customerId"), at)));
        add(types, new EventType<>("LifecycleStageChanged", LifecycleStageChanged.class, (g, e) -> {
            uuid(g, "customerId", e.customerId().value());
            enumValue(g, "from", e.from());
            enumValue(g, "to", e.to());
            g.writeBooleanField("reset", e.reset());
            text(g, "reason", e.reason());
        }, (in, id, tenant, at) -> new LifecycleStageChanged(id, tenant, customer(in, "customerId"), at,
                in.optEnum("from", LifecycleStage.class), in.enumValue("to", LifecycleStage.class),
                in.bool("reset", false), in.optText("reason"))));
        add(types, new EventType<>("RelationshipCreated", RelationshipCreated.class, (g, e) -> {
            uuid(g, "relationshipId", e.relationshipId().value());
            uuid(g, "from", e.from().value());
            JsonOut.value(g, "relationshipType", e.type(), ValueCodecs.RELATIONSHIP_TYPE);
            uuid(g, "to", e.to().value());
        }, (in, id, tenant, at) -> new RelationshipCreated(id, tenant, new RelationshipId(in.uuid("relationshipId")),
                at, customer(in, "from"), in.value("relationshipType", ValueCodecs.RELATIONSHIP_TYPE), customer(in, "to"))));
        add(types, new EventType<>("RelationshipRemoved", RelationshipRemoved.class, (g, e) -> {
            uuid(g, "relationshipId", e.relationshipId().value());
            uuid(g, "from", e.from().value());
            JsonOut.value(g, "relationshipType", e.type(), ValueCodecs.RELATIONSHIP_TYPE);
            uuid(g, "to", e.to().value());
        }, (in, id, tenant, at) -> new RelationshipRemoved(id, tenant, new RelationshipId(in.uuid("relationshipId")),
                at, customer(in, "from"), in.value("relationshipType", ValueCodecs.RELATIONSHIP_TYPE), customer(in, "to"))));
        add(types, new EventType<>("TouchpointRecorded", TouchpointRecorded.class, (g, e) -> {
            uuid(g, "touchpointId", e.touchpointId().value());
            uuid(g, "customerId", e.customerId() == null ? null : e.customerId().value());
            enumValue(g, "channel", e.channel());
            enumValue(g, "direction", e.direction());
            instant(g, "touchpointOccurredAt", e.touchpointOccurredAt());
            uuid(g, "leadId", e.leadId() == null ? null : e.leadId().value());
        }, (in, id, tenant, at) -> new TouchpointRecorded(id, tenant, new TouchpointId(in.uuid("touchpointId")), at,
                in.optUuid("customerId") == null ? null : customer(in, "customerId"),
                in.enumValue("channel", Channel.class), in.enumValue("direction", Direction.class),
                in.instant("touchpointOccurredAt"),
                in.optUuid("leadId") == null ? null : new LeadId(in.optUuid("leadId")))));
        LeadCodecs.addEvents(types);
        PipelineCodecs.addEvents(types);
        TaskCodecs.addEvents(types);
        TYPES = Collections.unmodifiableMap(types);
    }

    static void add(Map<String, EventType<?>> types, EventType<?> type) {
        types.put(type.name(), type);
    }

    private static CustomerId customer(JsonIn in, String field) {
        return new CustomerId(in.uuid(field));
    }

    /** The codec of one event type; it writes the discriminator and refuses JSON of another type. */
    static <E extends DomainEvent> Codec<E> codec(EventType<E> type) {
        return new Codec<>() {
            @Override
            public void write(JsonGenerator g, E event) throws IOException {
                g.writeStartObject();
                g.writeStringField("type", type.name());
                uuid(g, "eventId", event.eventId().value());
                g.writeStringField("tenantId", event.tenantId().value());
                instant(g, "occurredAt", event.occurredAt());
                type.fields().write(g, event);
                g.writeEndObject();
            }

            @Override
            public E read(JsonNode node) {
                DomainEvent event = ANY.read(node);
                if (!type.type().isInstance(event)) {
                    throw new JsonIn.BadJson("expected an event of type " + type.name() + ", not "
                            + node.get("type"));
                }
                return type.type().cast(event);
            }
        };
    }

    /** Any known event, chosen by its {@code type} field. */
    static final Codec<DomainEvent> ANY = new Codec<>() {
        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonGenerator g, DomainEvent event) throws IOException {
            for (EventType<?> type : TYPES.values()) {
                if (type.type() == event.getClass()) {
                    codec((EventType<DomainEvent>) type).write(g, event);
                    return;
                }
            }
            throw new IllegalArgumentException("crm-jackson does not know the event type " + event.getClass());
        }

        @Override
        public DomainEvent read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "event");
            String name = in.text("type");
            EventType<?> type = TYPES.get(name);
            if (type == null) {
                throw new JsonIn.BadJson("event.type '" + name + "' is not one of " + TYPES.keySet());
            }
            return type.reader().read(in, new EventId(in.uuid("eventId")),
                    in.value("tenantId", ValueCodecs.TENANT_ID), in.instant("occurredAt"));
        }
    };
}
