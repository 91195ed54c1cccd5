package io.crmkit.jdbc.testing;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
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
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Records with every field set, for round trips. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final IdGenerator IDS = IdGenerator.uuidV7(Clock.systemUTC());
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private Fixtures() {
    }

    /** A tenant no other test uses. */
    public static TenantId newTenant() {
        return TenantId.of("t" + TENANTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static UUID nextId() {
        return IDS.next();
    }

    public static CustomerId customerId() {
        return new CustomerId(nextId());
    }

    /** A person with every field set, including attributes of every type. */
    public static Customer fullPerson(TenantId tenant) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("tier", AttributeValue.oneOf("gold", List.of("bronze", "silver", "gold")));
        attributes.put("visits", AttributeValue.integer(Long.MIN_VALUE));
        attributes.put("ltv", AttributeValue.decimal("12345678901234567890.123456789012345678"));
        attributes.put("vip", AttributeValue.bool(true));
        attributes.put("since", AttributeValue.date(LocalDate.of(1900, 1, 1)));
        attributes.put("note", AttributeValue.text("ünïcödé ☕ 𝄞 \"quoted\" 'single' \\ back\nslash"));
        return new Customer(customerId(), tenant, 1, CustomerKind.PERSON,
                new PersonProfile("Sarah", "O'Connor", "Head barista"), null,
                List.of(new EmailContact(EmailAddress.parse("Sarah@Example.COM"), "work", true),
                        new EmailContact(EmailAddress.parse("sarah.home@example.org"), null, false)),
                List.of(new PhoneContact(PhoneNumber.parse("+44 20 7946 0958 ext. 12", null), "work", false),
                        new PhoneContact(PhoneNumber.ofE164("+4915112345678"), null, true)),
                List.of(new PostalAddress("1 Main St\nFlat 2", "SW1A 1AA", "London", "Greater London", "GB",
                        "home", true), new PostalAddress("Hauptstr. 5", null, "Berlin", null, "DE", null, false)),
                Set.of("vip", "latte", "VIP", "tag with spaces"), attributes,
                Map.of("drink", AttributeValue.text("oat latte"), "size", AttributeValue.decimal("0.5")),
                List.of(ImportantDate.birthday(LocalDate.of(1990, 2, 28)),
                        new ImportantDate("first-visit", LocalDate.of(2020, 1, 2))),
                UserId.of("alice@host"), CommunicationPreference.prefers(ContactChannel.SMS),
                LifecycleStage.CUSTOMER, T0, T0.plusSeconds(61), Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    /** An organisation with every field set. */
    public static Customer fullOrganisation(TenantId tenant) {
        return new Customer(customerId(), tenant, 3, CustomerKind.ORGANISATION, null,
                new OrganisationProfile("Café Luna", "cafe-luna.example", "Food & drink", 12), List.of(), List.of(),
                List.of(), Set.of(), Map.of(), Map.of(), List.of(), null, CommunicationPreference.doNotContactAtAll(),
                LifecycleStage.OTHER, Instant.parse("1900-01-01T00:00:00Z"), T0, null);
    }

    /** A minimal person. */
    public static Customer person(TenantId tenant, String name) {
        return Customer.builder().id(customerId()).tenantId(tenant).person(new PersonProfile(name, null, null))
                .createdAt(T0).updatedAt(T0).build();
    }

    public static Relationship relationship(TenantId tenant, CustomerId from, CustomerId to) {
        return new Relationship(new RelationshipId(nextId()), tenant, from, RelationshipType.WORKS_AT, to, T0);
    }

    /** A purchase with every field set. */
    public static Touchpoint fullPurchase(TenantId tenant, CustomerId customer, String externalId) {
        return new Touchpoint(new TouchpointId(nextId()), tenant, customer, Channel.PURCHASE, Direction.INBOUND,
                T0.minusSeconds(3600), T0, "Order " + externalId, "2 candles\nand a mug ☕ " + "x".repeat(5000),
                UserId.of("bob"), new DealId(nextId()),
                Map.of("store", AttributeValue.text("Soho"), "items", AttributeValue.integer(2)),
                new Purchase(Money.of("1234567890.1234", "CLF"), "1001"), SourceRef.of("shop", externalId));
    }

    /** A touchpoint of {@code channel} at {@code at}, with an optional source. */
    public static Touchpoint touchpoint(TenantId tenant, CustomerId customer, Channel channel, Instant at,
                                        String externalId) {
        return touchpoint(tenant, customer, channel, at, externalId, new TouchpointId(nextId()));
    }

    public static Touchpoint touchpoint(TenantId tenant, CustomerId customer, Channel channel, Instant at,
                                        String externalId, TouchpointId id) {
        return new Touchpoint(id, tenant, customer, channel,
                channel.ordinal() % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, at, T0, null, null, null, null,
                Map.of(), channel == Channel.PURCHASE ? new Purchase(Money.of("9.99", "EUR"), null) : null,
                externalId == null ? null : SourceRef.of("test", externalId));
    }

    // ---- pipelines, deals, tasks ----------------------------------------------------------------------------------

    public static final UserId ALICE = UserId.of("alice@host");
    public static final UserId BOB = UserId.of("Bob");

    public static PipelineId pipelineId() {
        return new PipelineId(nextId());
    }

    public static StageId stageId() {
        return new StageId(nextId());
    }

    public static DealId dealId() {
        return new DealId(nextId());
    }

    public static TaskId taskId() {
        return new TaskId(nextId());
    }

    /**
     * A pipeline with every value set: forward-only, follow-ups of every priority (the longest delay, seconds that are
     * not whole minutes), every forecast category, a retired stage in the middle, non-ASCII names.
     */
    public static Pipeline fullPipeline(TenantId tenant) {
        return new Pipeline(pipelineId(), tenant, 4, "Großhandel – Ústí ☕", TransitionPolicy.FORWARD_ONLY_NO_SKIP,
                List.of(new Stage(stageId(), "Erstkontakt", StageKind.OPEN, 10, ForecastCategory.PIPELINE,
                                new FollowUp("Anrufen ☎\nund notieren", Duration.ofDays(366), TaskPriority.HIGH),
                                false),
                        new Stage(stageId(), "Demo", StageKind.OPEN, 0, ForecastCategory.OMITTED, null, true),
                        new Stage(stageId(), "Angebot", StageKind.OPEN, 50, ForecastCategory.BEST_CASE,
                                new FollowUp("Nachfassen", Duration.ofSeconds(61), TaskPriority.LOW), false),
                        new Stage(stageId(), "Verhandlung", StageKind.OPEN, 99, ForecastCategory.COMMIT, null, false),
                        new Stage(stageId(), "Gewonnen", StageKind.WON, 100, ForecastCategory.CLOSED,
                                FollowUp.of("Welcome pack", Duration.ofMinutes(1)), false),
                        new Stage(stageId(), "Verloren", StageKind.LOST, 0, ForecastCategory.OMITTED, null, false)),
                T0, T0.plusSeconds(3));
    }

    /** The smallest valid pipeline. */
    public static Pipeline minimalPipeline(TenantId tenant) {
        return new Pipeline(pipelineId(), tenant, 1, "P", TransitionPolicy.FREE, List.of(
                new Stage(stageId(), "Open", StageKind.OPEN, 20, ForecastCategory.PIPELINE, null, false),
                new Stage(stageId(), "Won", StageKind.WON, 100, ForecastCategory.CLOSED, null, false),
                new Stage(stageId(), "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED, null, false)), T0, T0);
    }

    public static PipelineSettings settings(TenantId tenant, PipelineId defaultPipeline) {
        return new PipelineSettings(tenant, 1, defaultPipeline,
                List.of("Zu teuer", "Äpfel 🍎", "price", "\"Quoted\" \\ back"), T0);
    }

    /** An open deal with nothing optional, entered its stage at {@code T0}. */
    public static Deal openDeal(TenantId tenant, PipelineId pipeline, StageId stage, Money amount) {
        return new Deal(dealId(), tenant, 1, "Deal " + amount, customerId(), ALICE, amount, LocalDate.of(2026, 6, 30),
                pipeline, stage, DealStatus.OPEN, 25, false, T0, null, null, null, null, null, T0, T0);
    }

    /** A lost deal with every value set and the largest amount of its currency, at the last expected close date. */
    public static Deal fullLostDeal(TenantId tenant, PipelineId pipeline, StageId lostStage) {
        return new Deal(dealId(), tenant, 7, "Kerzen für Café Łuna – Hochzeit 🎉", customerId(),
                UserId.of("u".repeat(128)), Money.of("99999999999999999999999999999999999.999", "BHD"),
                LocalDate.of(9999, 12, 31), pipeline, lostStage, DealStatus.LOST, 0, false, T0.plusSeconds(30),
                new LeadId(nextId()), "christmas-fair/2026", T0.plusSeconds(30), "No decision",
                "They will decide\nnext year\tperhaps", Instant.parse("1900-01-01T00:00:00Z"), T0.plusSeconds(40));
    }

    /** {@code deal} in another open stage, entered at {@code at}, at the next version. */
    public static Deal moved(Deal deal, StageId stage, int probability, Instant at) {
        return new Deal(deal.id(), deal.tenantId(), deal.version() + 1, deal.name(), deal.customerId(), deal.owner(),
                deal.amount(), deal.expectedCloseDate(), deal.pipelineId(), stage, DealStatus.OPEN, probability, false,
                at, deal.sourceLeadId(), deal.campaign(), null, null, null, deal.createdAt(), at);
    }

    /** The OPENED entry of {@code deal}. */
    public static DealHistoryEntry opened(Deal deal) {
        return new DealHistoryEntry(deal.tenantId(), deal.id(), 1, DealChangeKind.OPENED, deal.createdAt(),
                deal.owner(), null, deal.snapshot(), null, null);
    }

    /** A done task with every value set. */
    public static Task fullDoneTask(TenantId tenant) {
        return new Task(taskId(), tenant, 3, "Nachfassen: Angebot ☎", "Notizen\n\tmit Tab 𝄞 " + "n".repeat(9_000),
                io.crmkit.shared.Timestamps.MAX, BOB, TaskPriority.HIGH, customerId(), new LeadId(nextId()), dealId(),
                TaskStatus.DONE, T0.plusSeconds(120), ALICE, Instant.parse("1900-01-01T00:00:00Z"),
                T0.plusSeconds(120));
    }

    /** An open task of {@code assignee} due at {@code dueAt}, with nothing optional. */
    public static Task task(TenantId tenant, UserId assignee, Instant dueAt) {
        return new Task(taskId(), tenant, 1, "Call", null, dueAt, assignee, TaskPriority.NORMAL, null, null, null,
                TaskStatus.OPEN, null, null, T0, T0);
    }
}
