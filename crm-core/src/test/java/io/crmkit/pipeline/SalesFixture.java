package io.crmkit.pipeline;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.Money;
import io.crmkit.shared.UserId;
import io.crmkit.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Crm} on the in-memory storage with a clock the test moves, deterministic ids, and every delivered event
 * recorded: what the pipeline, deal and task tests share.
 */
public final class SalesFixture {

    public static final UserId ALICE = UserId.of("alice");
    public static final UserId BOB = UserId.of("bob");
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    public final InMemoryCrmStorage storage = new InMemoryCrmStorage();
    public final Crm crm = Crm.builder().storage(storage).clock(clock)
            .idGenerator(IdGenerator.uuidV7(clock, new Random(42))).listener(events::add).build();

    public Customer customer(String familyName) {
        return customer(familyName, LifecycleStage.LEAD);
    }

    public Customer customer(String familyName, LifecycleStage stage) {
        return crm.customers().register(CustomerRegistration.person("Sam", familyName).lifecycleStage(stage).build());
    }

    /** The standard pipeline, installed as the default. */
    public Pipeline sales() {
        return crm.pipelines().installDefault();
    }

    public static Stage stage(Pipeline pipeline, String name) {
        return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public Deal open(Customer customer, String amount) {
        return crm.deals().open(DealOpening.builder(customer.id(), "Deal " + amount, ALICE, eur(amount),
                LocalDate.of(2026, 6, 30)).build()).deal();
    }

    /** The events delivered since the last call, and forgets them. */
    public List<DomainEvent> drainEvents() {
        List<DomainEvent> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> List<E> events(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (DomainEvent e : events) {
            if (type.isInstance(e)) {
                out.add((E) e);
            }
        }
        return out;
    }
}
