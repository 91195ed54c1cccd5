package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealLoss;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.DealOutcome;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.pipeline.StalledThresholds;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.task.NewTask;
import io.crmkit.task.Task;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every domain event crm-core declares has a JSON form (found on crm-core's class path, so that a new event without a
 * codec fails here), and the values and events of a real sales process on the in-memory storage all round-trip.
 */
class DomainEventCoverageTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new CrmModule());

    /** Every concrete class of crm-core that implements {@link DomainEvent}. */
    static Set<Class<?>> eventClassesOfCrmCore() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(location::relativize).map(Path::toString).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).forEach(names::add);
            }
        }
        Set<Class<?>> events = new LinkedHashSet<>();
        for (String name : names) {
            String normalised = name.replace('\\', '/');
            if (!normalised.endsWith(".class") || normalised.contains("module-info")) {
                continue;
            }
            Class<?> type = Class.forName(normalised.substring(0, normalised.length() - 6).replace('/', '.'), false,
                    DomainEvent.class.getClassLoader());
            if (DomainEvent.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers()) && Modifier.isPublic(type.getModifiers())) {
                events.add(type);
            }
        }
        return events;
    }

    @Test
    void every_domain_event_of_crm_core_round_trips() throws Exception {
        Set<Class<?>> events = eventClassesOfCrmCore();
        assertThat(events).hasSizeGreaterThanOrEqualTo(33);
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : events) {
            DomainEvent event = sample(type);
            String json;
            try {
                json = mapper.writeValueAsString(event);
            } catch (IOException e) {
                missing.add(type.getName() + ": " + e.getMessage());
                continue;
            }
            assertThat(mapper.readTree(json).get("type").asText()).isEqualTo(type.getSimpleName());
            assertThat(mapper.readValue(json, DomainEvent.class)).as(json).isEqualTo(event);
            assertThat(mapper.readValue(json, type)).as(json).isEqualTo(event);
        }
        assertThat(missing).as("events without a JSON form").isEmpty();
    }

    /** An instance of the event record {@code type}, every component set to a sample value of its type. */
    private static DomainEvent sample(Class<?> type) throws ReflectiveOperationException {
        assertThat(type.isRecord()).as(type + " is a record").isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleOf(types[i], components[i].getName());
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return (DomainEvent) constructor.newInstance(values);
    }

    private static final Map<Class<?>, Object> SAMPLES = new HashMap<>();

    static {
        UUID uuid = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        SAMPLES.put(EventId.class, EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee")));
        SAMPLES.put(TenantId.class, TenantId.of("shop-1"));
        SAMPLES.put(Instant.class, Instant.parse("2024-05-01T10:15:30.123456Z"));
        SAMPLES.put(LocalDate.class, LocalDate.of(2024, 12, 15));
        SAMPLES.put(Duration.class, Duration.ofDays(3));
        SAMPLES.put(String.class, "text ☕");
        SAMPLES.put(int.class, 42);
        SAMPLES.put(long.class, 7L);
        SAMPLES.put(boolean.class, true);
        SAMPLES.put(BigDecimal.class, new BigDecimal("12.50"));
        SAMPLES.put(Money.class, Money.of("12.50", "EUR"));
        SAMPLES.put(UserId.class, UserId.of("alice"));
        SAMPLES.put(CustomerId.class, CustomerId.of(uuid));
        SAMPLES.put(DealId.class, DealId.of(uuid));
        SAMPLES.put(LeadId.class, LeadId.of(uuid));
        SAMPLES.put(PipelineId.class, PipelineId.of(uuid));
        SAMPLES.put(StageId.class, StageId.of(uuid));
        SAMPLES.put(TaskId.class, TaskId.of(uuid));
        SAMPLES.put(TouchpointId.class, TouchpointId.of(uuid));
        SAMPLES.put(RelationshipId.class, RelationshipId.of(uuid));
        SAMPLES.put(RelationshipType.class, RelationshipType.WORKS_AT);
    }

    private static Object sampleOf(Class<?> type, String component) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        Object sample = SAMPLES.get(type);
        assertThat(sample).as("a sample " + type.getSimpleName() + " for the component " + component
                + "; add one to SAMPLES").isNotNull();
        return sample;
    }

    @Test
    void the_values_and_events_of_a_real_sales_process_round_trip() throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).listener(events::add).build();
        UserId alice = UserId.of("alice");
        UserId bob = UserId.of("bob");
        List<Object> values = new ArrayList<>();

        Pipeline sales = crm.pipelines().installDefault();
        Stage contact = sales.stages().get(0);
        Stage demo = sales.stages().get(1);
        Stage proposal = sales.stages().get(2);
        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller").build());
        DealOpening opening = DealOpening.builder(sarah.id(), "Wedding candles", alice, Money.of("1200.00", "EUR"),
                LocalDate.of(2026, 12, 15)).campaign("christmas-fair").build();
        DealOutcome opened = crm.deals().open(opening);
        Deal deal = opened.deal();
        deal = crm.deals().moveStage(deal.id(), deal.version(), proposal.id(), alice);
        deal = crm.deals().overrideProbability(deal.id(), deal.version(), 65, alice);
        deal = crm.deals().changeAmount(deal.id(), deal.version(), Money.of("1300.00", "EUR"), alice);
        deal = crm.deals().changeExpectedCloseDate(deal.id(), deal.version(), LocalDate.of(2027, 1, 15), alice);
        deal = crm.deals().changeOwner(deal.id(), deal.version(), bob, alice);
        DealOutcome won = crm.deals().win(deal.id(), deal.version(), bob);
        deal = crm.deals().reopen(won.deal().id(), won.deal().version(), contact.id(), bob);
        DealLoss loss = DealLoss.because("Price", bob).note("went with the cheaper supplier");
        deal = crm.deals().lose(deal.id(), deal.version(), loss);
        Deal other = crm.deals().open(DealOpening.builder(sarah.id(), "Refill", alice, Money.of("90", "USD"),
                LocalDate.of(2026, 6, 30)).stage(demo.id()).probability(30).build()).deal();

        sales = crm.pipelines().rename(sales.id(), sales.version(), "Sales — retail");
        sales = crm.pipelines().changePolicy(sales.id(), sales.version(), TransitionPolicy.FORWARD_ONLY_NO_SKIP);
        StageDefinition qualified = StageDefinition.open("Qualified", 15).forecast(ForecastCategory.PIPELINE);
        sales = crm.pipelines().addStage(sales.id(), sales.version(), qualified, 1);
        sales = crm.pipelines().changeStage(sales.id(), sales.version(), proposal.id(),
                StageDefinition.open("Proposal sent", 55).forecast(ForecastCategory.BEST_CASE));
        List<StageId> order = new ArrayList<>(sales.activeStages().stream().map(Stage::id).toList());
        java.util.Collections.swap(order, 0, 1);
        sales = crm.pipelines().reorderStages(sales.id(), sales.version(), order);
        sales = crm.pipelines().retireStage(sales.id(), sales.version(), demo.id(), contact.id(), alice);
        PipelineDefinition renewalsDefinition = PipelineDefinition.named("Renewals")
                .stage(StageDefinition.open("Up for renewal", 40)).stage(StageDefinition.won("Renewed"))
                .stage(StageDefinition.lost("Churned")).build();
        Pipeline renewals = crm.pipelines().define(renewalsDefinition);
        crm.pipelines().makeDefault(renewals.id());

        NewTask newTask = NewTask.builder("Call Sarah", alice, Instant.now().plusSeconds(3600)).customer(sarah.id())
                .build();
        Task task = crm.tasks().create(newTask);
        task = crm.tasks().reschedule(task.id(), task.version(), task.dueAt().plusSeconds(86_400));
        task = crm.tasks().reassign(task.id(), task.version(), bob);
        task = crm.tasks().complete(task.id(), task.version(), bob);
        Task cancelled = crm.tasks().create(NewTask.builder("Send samples", bob, Instant.now()).deal(deal.id())
                .build());
        cancelled = crm.tasks().cancel(cancelled.id(), cancelled.version(), bob);

        values.addAll(List.of(opening, opened, won, deal, crm.deals().get(other.id()), loss, sales, renewals,
                renewalsDefinition, qualified, crm.pipelines().get(sales.id()), newTask, task, cancelled,
                crm.deals().summary(sales.id()), crm.deals().summary(renewals.id()),
                crm.deals().totals(sales.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), ZoneOffset.UTC),
                StalledThresholds.days(14).stage(contact.id(), 3)));
        values.addAll(crm.deals().history(deal.id(), PageRequest.first(50)).items());
        values.addAll(crm.tasks().ofDeal(deal.id(), PageRequest.first(50)).items());
        values.addAll(crm.deals().stalled(sales.id(), StalledThresholds.none().stage(contact.id(), 1),
                PageRequest.first()).items());
        for (Object value : values) {
            String json = mapper.writeValueAsString(value);
            assertThat(mapper.readValue(json, value.getClass())).as(json).isEqualTo(value);
        }

        Set<String> kinds = new TreeSet<>();
        for (DomainEvent event : events) {
            kinds.add(event.getClass().getSimpleName());
            String json = mapper.writeValueAsString(event);
            assertThat(mapper.readValue(json, DomainEvent.class)).as(json).isEqualTo(event);
        }
        assertThat(kinds).contains("PipelineDefined", "DefaultPipelineChanged", "PipelineChanged", "StageRetired",
                "DealOpened", "DealStageChanged", "DealProbabilityChanged", "DealAmountChanged",
                "DealCloseDateChanged", "DealOwnerChanged", "DealWon", "DealReopened", "DealLost", "TaskCreated",
                "TaskRescheduled", "TaskReassigned", "TaskCompleted", "TaskCancelled");
        String all = mapper.writerFor(new TypeReference<List<DomainEvent>>() {
        }).writeValueAsString(events);
        assertThat(mapper.<List<DomainEvent>>readValue(all, new TypeReference<>() {
        })).isEqualTo(events);
        assertThat(sales.stages()).anyMatch(Stage::retired);
        assertThat(deal.status()).isEqualTo(DealStatus.LOST);
    }
}
