package io.crmkit.testkit;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerPatch;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.Customers;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.CaptureResult;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.ConversionResult;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.Leads;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealLoss;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.DealOutcome;
import io.crmkit.pipeline.Deals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Pipelines;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.task.NewTask;
import io.crmkit.task.Task;
import io.crmkit.task.Tasks;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoints;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Random sequences of calls of crmkit's public API, run on two storages side by side: the one under test and the
 * in-memory reference adapter. Each side has its own {@link Crm} with the same clock and the same seeded id
 * generator, so that the same calls must give equal answers (the same records, pages, cursors and refusals) and
 * publish equal events.
 *
 * <p>A call is chosen from what the reference side holds (its customers, deals and tasks and their current versions;
 * a stale version now and then), so it is valid or refused for a reason the domain knows: an unknown id, a stale
 * version, a closed deal, an unknown lost reason, a re-delivered source.
 */
final class ApiSequence {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final byte[] CURSOR_SECRET = "crm-testkit api sequences".getBytes(StandardCharsets.UTF_8);
    private static final String[] EMAILS = {"sarah@example.com", "Sarah@Example.COM", "tom@cafe.example",
        "ana@shop.example", "info@cafe.example", "lee@example.org"};
    private static final String[] PHONES = {"020 7946 0958", "+44 20 7946 0958", "07700 900123",
        "+44 7700 900456"};
    private static final String[] TAGS = {"vip", "wholesale", "candles"};
    private static final UserId[] USERS = {UserId.of("alice"), UserId.of("bob")};
    /** The tenant's lost reasons and one that is not among them (refused). */
    private static final List<String> REASONS = Stream.concat(PipelineSettings.DEFAULT_LOST_REASONS.stream(),
            Stream.of("Weather")).toList();

    /** One call of the public API, named for the failure message. */
    record Call(String name, Function<Side, Object> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a call that threw answers: the kind of refusal (messages may name the storage). */
    record Refusal(String type) {
    }

    /** One storage with its own {@link Crm}, clock and events. */
    static final class Side {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();
        final SteppingClock clock = new SteppingClock(START);
        private final TenantScope scope;

        Side(CrmStorage storage, TenantId tenant, long seed) {
            Crm crm = Crm.builder().storage(storage).clock(clock).idGenerator(IdGenerator.uuidV7(clock,
                    new Random(seed))).defaultRegion("GB").cursorSecret(CURSOR_SECRET).listener(events::add).build();
            scope = crm.tenant(tenant);
        }

        Customers customers() {
            return scope.customers();
        }

        Touchpoints touchpoints() {
            return scope.touchpoints();
        }

        Pipelines pipelines() {
            return scope.pipelines();
        }

        Deals deals() {
            return scope.deals();
        }

        Tasks tasks() {
            return scope.tasks();
        }

        Leads leads() {
            return scope.leads();
        }

        /** The call's answer, or the {@link Refusal} it threw. */
        Object run(Call call) {
            try {
                return call.action().apply(this);
            } catch (CrmException e) {
                return new Refusal(e.getClass().getSimpleName());
            }
        }
    }

    /** A clock that stands still until the sequence moves it. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the sequence's clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Random random;
    private final Side reference;
    private final List<CustomerId> customers = new ArrayList<>();
    private final List<DealId> deals = new ArrayList<>();
    private final List<TaskId> tasks = new ArrayList<>();
    private final List<LeadId> leads = new ArrayList<>();
    private Pipeline pipeline;
    private int sources;

    ApiSequence(Random random, Side reference) {
        this.random = random;
        this.reference = reference;
    }

    /** The first call: the default pipeline, which the deal calls use. */
    Call installPipeline() {
        return new Call("installDefault", s -> s.pipelines().installDefault());
    }

    /** Remembers what {@code answer} (the reference side's) created. */
    void learn(Object answer) {
        if (answer instanceof Customer c && !customers.contains(c.id())) {
            customers.add(c.id());
        } else if (answer instanceof Pipeline p) {
            pipeline = p;
        } else if (answer instanceof DealOutcome o && !deals.contains(o.deal().id())) {
            deals.add(o.deal().id());
        } else if (answer instanceof Task t && !tasks.contains(t.id())) {
            tasks.add(t.id());
        } else if (answer instanceof CaptureResult r && !leads.contains(r.lead().id())) {
            leads.add(r.lead().id());
        } else if (answer instanceof ConversionResult r && !customers.contains(r.customerId())) {
            customers.add(r.customerId());
        }
    }

    /** The next call, chosen from the reference side's state. */
    Call next() {
        if (customers.isEmpty()) {
            return register();
        }
        return switch (random.nextInt(24)) {
            case 0, 1 -> register();
            case 2 -> update();
            case 3 -> archiveOrUnarchive();
            case 4, 5, 6 -> recordAll();
            case 7, 8 -> timeline();
            case 9 -> lookUp();
            case 10 -> activity();
            case 11 -> listCustomers();
            case 12 -> openDeal();
            case 13, 14 -> changeDeal();
            case 15 -> pipelineReads();
            case 16 -> createTask();
            case 17 -> completeTask();
            case 18 -> taskReads();
            case 19 -> captureLead();
            case 20, 21 -> changeLead();
            case 22 -> leadReads();
            default -> advanceClock();
        };
    }

    private <T> T any(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T any(T[] array) {
        return array[random.nextInt(array.length)];
    }

    /** Mostly a known customer, now and then one that does not exist. */
    private CustomerId customer() {
        return customer(15);
    }

    /** A known customer, or once in {@code oneIn} calls one that does not exist. */
    private CustomerId customer(int oneIn) {
        return random.nextInt(oneIn) == 0 ? new CustomerId(new UUID(random.nextLong(), random.nextLong()))
                : any(customers);
    }

    /** The current version, or now and then a stale one. */
    private long version(long current) {
        return random.nextInt(8) == 0 && current > 1 ? current - 1 : current;
    }

    private PageRequest page() {
        return PageRequest.first(1 + random.nextInt(5));
    }

    private Call register() {
        CustomerRegistration.Builder b = CustomerRegistration.person("P" + random.nextInt(50), "Q");
        if (random.nextBoolean()) {
            b.email(any(EMAILS));
        }
        if (random.nextBoolean()) {
            b.phone(any(PHONES));
        }
        if (random.nextBoolean()) {
            b.tag(any(TAGS));
        }
        CustomerRegistration registration = b.build();
        return new Call("register " + registration, s -> s.customers().register(registration));
    }

    private Call update() {
        CustomerId id = any(customers);
        long version = version(reference.customers().get(id).version());
        CustomerPatch patch = random.nextBoolean() ? CustomerPatch.builder().jobTitle("T" + random.nextInt(3)).build()
                : CustomerPatch.builder().addTag(any(TAGS)).build();
        return new Call("update " + id + " at " + version + ": " + patch,
                s -> s.customers().update(id, version, patch));
    }

    private Call archiveOrUnarchive() {
        CustomerId id = any(customers);
        Customer current = reference.customers().get(id);
        long version = version(current.version());
        return current.isArchived()
                ? new Call("unarchive " + id, s -> s.customers().unarchive(id, version))
                : new Call("archive " + id, s -> s.customers().archive(id, version));
    }

    private Call recordAll() {
        List<NewTouchpoint> batch = new ArrayList<>();
        int size = 1 + random.nextInt(12);
        Instant now = reference.clock.instant();
        for (int i = 0; i < size; i++) {
            Channel channel = random.nextInt(3) == 0 ? Channel.PURCHASE : any(Channel.values());
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(200_000)));
            NewTouchpoint.Builder b = !leads.isEmpty() && random.nextInt(4) == 0
                    ? NewTouchpoint.forLead(any(leads), channel, any(Direction.values()), at)
                    : NewTouchpoint.builder(customer(80), channel, any(Direction.values()), at);
            if (channel == Channel.PURCHASE) {
                b.purchase(Money.of(random.nextInt(100_000) + "." + random.nextInt(10) + "0",
                        random.nextInt(5) == 0 ? "USD" : "EUR"), "o" + random.nextInt(100));
            }
            if (random.nextInt(4) != 0) {
                // a small pool of sources, so that re-deliveries (also inside one batch) are common
                b.source("shop", "s" + random.nextInt(Math.max(1, sources + 3)));
                sources++;
            }
            if (random.nextBoolean()) {
                b.subject("subject " + random.nextInt(5));
            }
            batch.add(b.build());
        }
        return new Call("recordAll " + batch, s -> s.touchpoints().recordAll(batch));
    }

    private Call timeline() {
        CustomerId id = customer();
        PageRequest first = page();
        return new Call("timeline of " + id + " by " + first.size(), s -> {
            Page<?> page = s.touchpoints().timeline(id, first);
            // the second page from the first one's cursor, which each side signed itself
            return page.nextRequest().map(next -> List.of(page, s.touchpoints().timeline(id, next)))
                    .orElse(List.of(page));
        });
    }

    private Call lookUp() {
        if (random.nextBoolean()) {
            String email = any(EMAILS);
            return new Call("findByEmail " + email, s -> byId(s.customers().findByEmail(email)));
        }
        String phone = any(PHONES);
        return new Call("findByPhone " + phone, s -> byId(s.customers().findByPhone(phone)));
    }

    /** Look-ups promise no order; the comparison sorts their answers. */
    private static List<Customer> byId(List<Customer> found) {
        return found.stream().sorted(Comparator.comparing(c -> c.id().toString())).toList();
    }

    private Call activity() {
        if (random.nextBoolean()) {
            CustomerId id = customer();
            return new Call("activity of " + id, s -> s.touchpoints().activity(id));
        }
        Instant cutoff = reference.clock.instant().minus(Duration.ofDays(random.nextInt(150)));
        PageRequest page = page();
        return new Call("lapsedBuyers before " + cutoff, s -> s.touchpoints().lapsedBuyers(cutoff, page));
    }

    private Call listCustomers() {
        CustomerQuery query = random.nextBoolean() ? CustomerQuery.ACTIVE : CustomerQuery.tagged(any(TAGS));
        PageRequest page = page();
        return new Call("list " + query, s -> s.customers().list(query, page));
    }

    private Call openDeal() {
        CustomerId id = customer();
        DealOpening opening = DealOpening.builder(id, "D" + deals.size(), any(USERS),
                Money.of(random.nextInt(5_000) + ".50", "EUR"), LocalDate.of(2026, 1 + random.nextInt(12), 10))
                .build();
        return new Call("open " + opening, s -> s.deals().open(opening));
    }

    private Call changeDeal() {
        if (deals.isEmpty()) {
            return openDeal();
        }
        DealId id = any(deals);
        Deal current = reference.deals().get(id);
        long version = version(current.version());
        UserId by = any(USERS);
        List<Stage> open = pipeline.stages().stream().filter(st -> st.kind() == StageKind.OPEN).toList();
        return switch (random.nextInt(5)) {
            case 0, 1 -> {
                Stage to = any(pipeline.stages());
                yield new Call("move " + id + " to " + to.name(), s -> s.deals().moveStage(id, version, to.id(), by));
            }
            case 2 -> new Call("win " + id, s -> s.deals().win(id, version, by));
            case 3 -> {
                String reason = any(REASONS);
                yield new Call("lose " + id + " for " + reason,
                        s -> s.deals().lose(id, version, DealLoss.because(reason, by)));
            }
            default -> {
                Stage to = any(open);
                yield new Call("reopen " + id + " in " + to.name(), s -> s.deals().reopen(id, version, to.id(), by));
            }
        };
    }

    private Call pipelineReads() {
        Stage stage = any(pipeline.stages());
        PageRequest page = page();
        CustomerId id = customer();
        return new Call("summary, board of " + stage.name() + ", deals of " + id,
                s -> List.of(s.deals().summary(pipeline.id()), s.deals().board(pipeline.id(), stage.id(), page),
                        s.deals().ofCustomer(id, page)));
    }

    private Call createTask() {
        Instant due = reference.clock.instant().plus(Duration.ofHours(random.nextInt(200) - 50));
        NewTask.Builder b = NewTask.builder("task " + tasks.size(), any(USERS), due);
        if (!deals.isEmpty() && random.nextBoolean()) {
            b.deal(any(deals));
        } else {
            b.customer(customer());
        }
        NewTask task = b.build();
        return new Call("create " + task, s -> s.tasks().create(task));
    }

    private Call completeTask() {
        if (tasks.isEmpty()) {
            return createTask();
        }
        TaskId id = any(tasks);
        long version = version(reference.tasks().get(id).version());
        UserId by = any(USERS);
        return random.nextBoolean() ? new Call("complete " + id, s -> s.tasks().complete(id, version, by))
                : new Call("cancel " + id, s -> s.tasks().cancel(id, version, by));
    }

    private Call taskReads() {
        UserId user = any(USERS);
        PageRequest page = page();
        return new Call("open and overdue tasks of " + user,
                s -> List.of(s.tasks().openTasks(user, page), s.tasks().overdue(page)));
    }

    private Call captureLead() {
        LeadCapture.Builder b = LeadCapture.builder(LeadSource.of(any(LeadChannel.values())).campaign("c"
                + random.nextInt(3))).name("L" + random.nextInt(20), "Q");
        if (random.nextBoolean()) {
            b.email(any(EMAILS));
        }
        if (random.nextBoolean()) {
            b.phone(any(PHONES));
        }
        if (random.nextBoolean()) {
            b.company("Company " + random.nextInt(3));
        }
        if (random.nextBoolean()) {
            // a small pool of capture sources, so that re-captures are common
            b.sourceRef("forms", "f" + random.nextInt(6));
        }
        LeadCapture capture = b.build();
        return new Call("capture " + capture, s -> s.leads().capture(capture));
    }

    private Call changeLead() {
        if (leads.isEmpty()) {
            return captureLead();
        }
        LeadId id = any(leads);
        UserId by = any(USERS);
        return switch (random.nextInt(7)) {
            case 0 -> {
                LeadStatus target = any(LeadStatus.values());
                yield new Call("move lead " + id + " to " + target, s -> s.leads().moveTo(id, target, by, "n"));
            }
            case 2 -> {
                List<String> reasons = reference.leads().settings().disqualificationReasons();
                String reason = random.nextInt(4) == 0 ? "Weather" : any(reasons);
                yield new Call("disqualify lead " + id + " for " + reason, s -> s.leads().disqualify(id, reason, by));
            }
            case 3 -> new Call("recycle lead " + id, s -> s.leads().recycle(id, by, "again"));
            case 4 -> {
                UserId owner = any(USERS);
                yield new Call("assign lead " + id + " to " + owner, s -> s.leads().assign(id, owner, by));
            }
            case 5 -> new Call("accept lead " + id + " as sales-qualified", s -> s.leads().acceptAsSalesQualified(id,
                    by, new BantChecklist(BantItem.confirmed("b"), BantItem.confirmed("a"), BantItem.confirmed("n"),
                            BantItem.confirmed("t"))));
            default -> {
                // mostly a lead that can be converted, so that conversions happen
                List<LeadId> qualified = leads.stream()
                        .filter(l -> reference.leads().get(l).status() == LeadStatus.QUALIFIED).toList();
                LeadId lead = qualified.isEmpty() || random.nextInt(4) == 0 ? id : any(qualified);
                yield new Call("convert lead " + lead, s -> s.leads().convert(lead, ConversionRequest.PERSON_ONLY));
            }
        };
    }

    private Call leadReads() {
        PageRequest page = page();
        if (leads.isEmpty() || random.nextBoolean()) {
            String email = any(EMAILS);
            return new Call("open leads, leads of " + email, s -> List.of(s.leads().list(LeadQuery.OPEN, page),
                    s.leads().findByEmail(email).stream().sorted(Comparator.comparing(l -> l.id().toString()))
                            .toList()));
        }
        LeadId id = any(leads);
        return new Call("history and timeline of lead " + id, s -> List.of(s.leads().history(id, page),
                s.touchpoints().leadTimeline(id, page)));
    }

    private Call advanceClock() {
        Duration by = Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60));
        return new Call("advance the clock by " + by, s -> {
            s.clock.advance(by);
            return by;
        });
    }
}
