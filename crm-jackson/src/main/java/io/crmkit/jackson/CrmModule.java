package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.lead.Condition;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
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
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.io.IOException;
import java.util.function.Function;

/**
 * A Jackson 2 module for crmkit's public values and domain events: register it once,
 * {@code objectMapper.registerModule(new CrmModule())}, and crmkit's types read and write as stable JSON whatever
 * else the mapper is configured to do (naming strategies and inclusion settings do not change these forms).
 *
 * <p>The forms:
 * <ul>
 *   <li>typed ids ({@link CustomerId}, {@link TouchpointId}, {@link PipelineId}, {@link StageId}, {@link TaskId},
 *       ...) as their canonical UUID string; {@link TenantId}, {@link UserId} and {@link EmailAddress} as plain
 *       strings; ids and tenants also work as map keys;</li>
 *   <li>{@link Money} as {@code {"amount":"12.50","currency":"EUR"}}: the amount is a string in plain decimal
 *       notation, never a binary floating point number;</li>
 *   <li>{@link AttributeValue} as {@code {"type":"DECIMAL","value":"2.5"}}: {@code TEXT}, {@code DECIMAL}
 *       (string), {@code DATE} ({@code "2024-05-01"}) and {@code ONE_OF} values are strings, {@code INTEGER} a JSON
 *       number (a string of digits is read too), {@code BOOLEAN} {@code true}/{@code false}; a {@code ONE_OF} also
 *       carries its {@code "options"};</li>
 *   <li>{@link PhoneNumber} as {@code {"e164":"+442079460958","extension":"12"}} (a bare E.164 string is read
 *       too); contact points, postal addresses, important dates, relationship types, sources, purchases,
 *       profiles, {@link Customer}, {@link Relationship}, {@link Touchpoint} and {@link CustomerActivity} as objects
 *       named after their record components; instants as ISO-8601 strings in UTC
 *       ({@code "2024-05-01T10:15:30.123456Z"}), dates as ISO-8601 dates; absent values are left out;</li>
 *   <li>domain events as objects with a {@code "type"} discriminator, the event's simple class name
 *       ({@code {"type":"TouchpointRecorded","eventId":"...","tenantId":"...","occurredAt":"...",...}}); read them
 *       as {@link DomainEvent} to have the discriminator pick the class. The relationship events write their
 *       {@link RelationshipType} as {@code "relationshipType"}.</li>
 *   <li>leads ({@link io.crmkit.lead.Lead}, its {@link io.crmkit.lead.LeadSource sources} and
 *       {@link io.crmkit.lead.Attribution attribution}, BANT checklist, possible duplicates, conversion, status
 *       history entries, {@link io.crmkit.lead.LeadScore scores} with their contributions) and a tenant's
 *       {@link io.crmkit.lead.LeadSettings lead settings} (scoring model, fit and engagement rules, qualification rule
 *       and policy) as objects named after their record components; scores, thresholds and points as decimal strings
 *       that keep their scale ({@code "12.50"}); half-lives and windows as ISO-8601 durations ({@code "PT336H"});
 *       a {@link Condition} as an object whose {@code "type"} is its record's simple name ({@code "Equals"},
 *       {@code "And"}, ...), read back as that record. The lead events ({@code LeadCaptured}, {@code LeadAssigned},
 *       {@code LeadStatusChanged}, {@code LeadQualified}, {@code LeadDisqualified}, {@code LeadScored},
 *       {@code LeadConverted}) have the same event form as the others.</li>
 *   <li>pipelines ({@link io.crmkit.pipeline.Pipeline} with its {@link io.crmkit.pipeline.Stage stages} and their
 *       {@link io.crmkit.pipeline.FollowUp follow-ups}, {@link io.crmkit.pipeline.PipelineDefinition} and
 *       {@link io.crmkit.pipeline.StageDefinition}), a tenant's {@link io.crmkit.pipeline.PipelineSettings}, deals
 *       ({@link io.crmkit.pipeline.Deal}, {@link io.crmkit.pipeline.DealOpening},
 *       {@link io.crmkit.pipeline.DealLoss}, {@link io.crmkit.pipeline.DealOutcome} with its
 *       {@link io.crmkit.customer.LifecycleChange}, {@link io.crmkit.pipeline.DealHistoryEntry history entries} and
 *       their {@link io.crmkit.pipeline.DealSnapshot snapshots}), the figures ({@link io.crmkit.pipeline.MoneyTotal},
 *       {@link io.crmkit.pipeline.DealTotals}, {@link io.crmkit.pipeline.StageSummary},
 *       {@link io.crmkit.pipeline.PipelineSummary}, {@link io.crmkit.pipeline.PeriodTotals}),
 *       {@link io.crmkit.pipeline.StalledThresholds}, tasks ({@link io.crmkit.task.Task},
 *       {@link io.crmkit.task.NewTask}) as objects named after their record components; probabilities, versions and
 *       counts as JSON numbers, a follow-up's {@code dueAfter} as an ISO-8601 duration ({@code "PT72H"}), a total's
 *       {@code currency} as its ISO 4217 code, {@code StalledThresholds.stageDays} as an object keyed by stage id
 *       ({@code {"defaultDays":14,"stageDays":{"<stage id>":7}}}); a {@code LifecycleChange} as an object whose
 *       {@code "type"} is {@code "Advanced"}, {@code "Unchanged"} or {@code "Refused"}. The requests
 *       ({@code DealOpening}, {@code DealLoss}, {@code NewTask}, {@code StageDefinition}, {@code PipelineDefinition})
 *       are read as given, a missing value staying null, since crmkit checks them when they are submitted and then
 *       reports every problem at once. The pipeline and task enums ({@code StageKind}, {@code DealStatus},
 *       {@code ForecastCategory}, {@code TransitionPolicy}, {@code DealChangeKind}, {@code DealField},
 *       {@code ProbabilityOnStageChange}, {@code PipelineChanged.Change}, {@code TaskPriority}, {@code TaskStatus}) are
 *       their constant's name also on their own, whatever the mapper's enum features say. The deal events
 *       ({@code DealOpened}, {@code DealStageChanged}, {@code DealAmountChanged}, {@code DealProbabilityChanged},
 *       {@code DealCloseDateChanged}, {@code DealOwnerChanged}, {@code DealWon}, {@code DealLost},
 *       {@code DealReopened}), the pipeline events ({@code PipelineDefined}, {@code PipelineChanged},
 *       {@code StageRetired}, {@code DefaultPipelineChanged}) and the task events ({@code TaskCreated},
 *       {@code TaskCompleted}, {@code TaskCancelled}, {@code TaskRescheduled}, {@code TaskReassigned}) have the same
 *       event form as the others.</li>
 * </ul>
 *
 * <p>Reading refuses JSON that does not have these shapes, and values that break the domain's rules (an invalid
 * e-mail address, an amount with more fraction digits than its currency), with a
 * {@link com.fasterxml.jackson.databind.JsonMappingException} that names the field; the domain's
 * {@link io.crmkit.shared.InvalidInputException} is its cause. Unknown fields are ignored, so that JSON written by a
 * later crmkit version can be read.
 */
public final class CrmModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** A module with every crmkit type registered. */
    public CrmModule() {
        super("crmkit", new Version(0, 1, 0, "SNAPSHOT", "io.crmkit", "crm-jackson"));
        register(CustomerId.class, ValueCodecs.CUSTOMER_ID);
        register(DealId.class, ValueCodecs.DEAL_ID);
        register(LeadId.class, ValueCodecs.LEAD_ID);
        register(RelationshipId.class, ValueCodecs.RELATIONSHIP_ID);
        register(TouchpointId.class, ValueCodecs.TOUCHPOINT_ID);
        register(PipelineId.class, ValueCodecs.PIPELINE_ID);
        register(StageId.class, ValueCodecs.STAGE_ID);
        register(TaskId.class, ValueCodecs.TASK_ID);
        register(EventId.class, ValueCodecs.EVENT_ID);
        register(TenantId.class, ValueCodecs.TENANT_ID);
        register(UserId.class, ValueCodecs.USER_ID);
        key(CustomerId.class, CustomerId::parse);
        key(DealId.class, DealId::parse);
        key(LeadId.class, LeadId::parse);
        key(RelationshipId.class, RelationshipId::parse);
        key(TouchpointId.class, TouchpointId::parse);
        key(PipelineId.class, PipelineId::parse);
        key(StageId.class, StageId::parse);
        key(TaskId.class, TaskId::parse);
        key(EventId.class, EventId::parse);
        key(TenantId.class, TenantId::new);
        key(UserId.class, UserId::new);

        register(Money.class, ValueCodecs.MONEY);
        register(AttributeValue.class, ValueCodecs.ATTRIBUTE_VALUE);
        for (Class<?> subtype : AttributeValue.class.getPermittedSubclasses()) {
            narrow(subtype, ValueCodecs.ATTRIBUTE_VALUE);
        }
        register(EmailAddress.class, ValueCodecs.EMAIL_ADDRESS);
        register(PhoneNumber.class, ValueCodecs.PHONE_NUMBER);
        register(EmailContact.class, ValueCodecs.EMAIL_CONTACT);
        register(PhoneContact.class, ValueCodecs.PHONE_CONTACT);
        register(PostalAddress.class, ValueCodecs.POSTAL_ADDRESS);
        register(ImportantDate.class, ValueCodecs.IMPORTANT_DATE);
        register(RelationshipType.class, ValueCodecs.RELATIONSHIP_TYPE);
        register(SourceRef.class, ValueCodecs.SOURCE_REF);
        register(Purchase.class, ValueCodecs.PURCHASE);
        register(CommunicationPreference.class, ValueCodecs.COMMUNICATION);
        register(PersonProfile.class, ValueCodecs.PERSON);
        register(OrganisationProfile.class, ValueCodecs.ORGANISATION);
        register(Customer.class, ValueCodecs.CUSTOMER);
        register(Relationship.class, ValueCodecs.RELATIONSHIP);
        register(RelatedCustomer.class, ValueCodecs.RELATED_CUSTOMER);
        register(Touchpoint.class, ValueCodecs.TOUCHPOINT);
        register(CustomerActivity.class, ValueCodecs.CUSTOMER_ACTIVITY);
        register(LifecycleChange.class, ValueCodecs.LIFECYCLE_CHANGE);
        for (Class<?> subtype : LifecycleChange.class.getPermittedSubclasses()) {
            narrow(subtype, ValueCodecs.LIFECYCLE_CHANGE);
        }
        for (Registration<?> lead : LeadCodecs.values()) {
            register(lead);
        }
        for (Registration<?> pipeline : PipelineCodecs.values()) {
            register(pipeline);
        }
        for (Registration<?> task : TaskCodecs.values()) {
            register(task);
        }
        register(Condition.class, LeadCodecs.CONDITION);
        for (Class<?> subtype : Condition.class.getPermittedSubclasses()) {
            narrow(subtype, LeadCodecs.CONDITION);
        }

        register(DomainEvent.class, EventCodecs.ANY);
        for (EventCodecs.EventType<?> type : EventCodecs.TYPES.values()) {
            registerEvent(type);
        }
    }

    private <E extends DomainEvent> void registerEvent(EventCodecs.EventType<E> type) {
        register(type.type(), EventCodecs.codec(type));
    }

    private <T> void register(Registration<T> registration) {
        register(registration.type(), registration.codec());
    }

    private <T> void register(Class<T> type, Codec<T> codec) {
        addSerializer(type, new CodecSerializer<>(type, codec));
        addDeserializer(type, new CodecDeserializer<>(type, codec));
    }

    /** A deserializer for a subtype of what {@code codec} reads, refusing JSON of another subtype. */
    private <T, S> void narrow(Class<S> subtype, Codec<T> codec) {
        addDeserializer(subtype, new CodecDeserializer<>(subtype, new Codec<S>() {
            @Override
            public void write(JsonGenerator g, S value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public S read(JsonNode node) {
                T value = codec.read(node);
                if (!subtype.isInstance(value)) {
                    throw new JsonIn.BadJson("expected a " + subtype.getSimpleName() + ", not a "
                            + value.getClass().getSimpleName());
                }
                return subtype.cast(value);
            }
        }));
    }

    private <T> void key(Class<T> type, Function<String, T> parse) {
        addKeySerializer(type, new StdSerializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeFieldName(value.toString());
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                try {
                    return parse.apply(key);
                } catch (CrmException e) {
                    return ctxt.handleWeirdKey(type, key, "%s", e.getMessage());
                }
            }
        });
    }

    private static final class CodecSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Codec<T> codec;

        CodecSerializer(Class<T> type, Codec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
            try {
                codec.write(g, value);
            } catch (IllegalArgumentException e) {
                provider.reportMappingProblem(e, "%s", e.getMessage());
            }
        }
    }

    private static final class CodecDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Codec<T> codec;

        CodecDeserializer(Class<T> type, Codec<T> codec) {
            super(type);
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isNull()) {
                return null;
            }
            try {
                return codec.read(node);
            } catch (JsonIn.BadJson e) {
                throw MismatchedInputException.from(p, handledType(), e.getMessage());
            } catch (CrmException e) {
                MismatchedInputException failure = MismatchedInputException.from(p, handledType(),
                        "invalid " + handledType().getSimpleName() + ": " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
