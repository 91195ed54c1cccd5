package io.crmkit.behaviour;

import io.crmkit.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.Customers;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One {@link Crm} on a fresh {@link InMemoryCrmStorage}, with a clock that stands still, reproducible ids, default
 * phone region GB and a listener that records every delivered event.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final byte[] SECRET = "a cursor secret of the tests".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(START);
    final InMemoryCrmStorage storage = new InMemoryCrmStorage();
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final Crm crm;

    Fixture() {
        this(b -> { });
    }

    /** A fixture whose builder is further configured by {@code customise} (after storage, clock, ids, listener). */
    Fixture(Consumer<Crm.Builder> customise) {
        Crm.Builder builder = builder(storage, clock, 42).listener(events::add).cursorSecret(SECRET);
        customise.accept(builder);
        crm = builder.build();
    }

    /** A builder with the fixture's settings on {@code storage}, without listener or cursor secret. */
    static Crm.Builder builder(InMemoryCrmStorage storage, MutableClock clock, long seed) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(IdGenerator.uuidV7(clock, new Random(seed)))
                .defaultRegion("GB");
    }

    Customers customers() {
        return crm.customers();
    }

    Touchpoints touchpoints() {
        return crm.touchpoints();
    }

    /** The instant of the clock, as crmkit stores it. */
    Instant now() {
        return clock.instant();
    }

    Instant daysAgo(long days) {
        return now().minus(Duration.ofDays(days));
    }

    Customer person(String givenName, String familyName) {
        return customers().register(CustomerRegistration.person(givenName, familyName).build());
    }

    Customer organisation(String name) {
        return customers().register(CustomerRegistration.organisation(name).build());
    }

    static NewTouchpoint.Builder touchpoint(CustomerId customer, Channel channel, Instant occurredAt) {
        return NewTouchpoint.builder(customer, channel, Direction.INBOUND, occurredAt);
    }

    static NewTouchpoint email(CustomerId customer, Instant occurredAt) {
        return touchpoint(customer, Channel.EMAIL, occurredAt).subject("Hello").build();
    }

    static NewTouchpoint purchase(CustomerId customer, Instant occurredAt, String amount) {
        return touchpoint(customer, Channel.PURCHASE, occurredAt).purchase(Money.of(amount, "EUR"), null).build();
    }

    /** The events delivered so far, of {@code type}. */
    <E extends DomainEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every customer of the default tenant, archived ones included. */
    List<Customer> allCustomers() {
        return storage.customers().list(io.crmkit.shared.TenantId.DEFAULT, CustomerQuery.ALL, null, 1000).items();
    }

    /**
     * Runs {@code call}, which must throw an {@link InvalidInputException}, and returns the paths of its violations
     * (in the exception's order). A NullPointerException or any other exception fails the test.
     */
    static List<String> violationPaths(ThrowingCallable call) {
        return invalidInput(call).violations().stream().map(InvalidInputException.Violation::path).toList();
    }

    static InvalidInputException invalidInput(ThrowingCallable call) {
        return thrown(InvalidInputException.class, call);
    }

    /** Runs {@code call}, which must throw a {@code type}, and returns what it threw. */
    static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the exception thrown").isInstanceOf(type);
        return type.cast(thrown);
    }
}
