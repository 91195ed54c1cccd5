package io.crmkit.lead;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** A Crm on a test clock with an event recorder, and the usual inputs. */
final class LeadTestKit {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");

    final MutableClock clock = new MutableClock(START);
    final List<DomainEvent> events = new ArrayList<>();
    final CrmStorage storage;
    final Crm crm;

    LeadTestKit() {
        this(new InMemoryCrmStorage(), b -> b);
    }

    LeadTestKit(UnaryOperator<Crm.Builder> configure) {
        this(new InMemoryCrmStorage(), configure);
    }

    LeadTestKit(CrmStorage storage, UnaryOperator<Crm.Builder> configure) {
        this.storage = storage;
        this.crm = configure.apply(Crm.builder().storage(storage).clock(clock)
                .idGenerator(IdGenerator.uuidV7(clock, new Random(7))).defaultRegion("GB")
                .listener(events::add)).build();
    }

    Leads leads() {
        return crm.leads();
    }

    <E extends DomainEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static LeadCapture.Builder webForm() {
        return LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring-sale").medium("cpc"));
    }

    static LeadCapture tom() {
        return webForm().name("Tom", "Baker").jobTitle("Purchasing Director").company("Café Luna")
                .companyDomain("cafe-luna.example").country("GB")
                .email("Tom@Cafe-Luna.EXAMPLE").phone("07700 900456").build();
    }

    Customer registerSarah() {
        return crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("sarah@example.com").phone("07700 900123").build());
    }

    static BantChecklist fullBant() {
        return new BantChecklist(BantItem.confirmed("£10k approved"), BantItem.confirmed("owner"),
                BantItem.confirmed("new shop"), BantItem.confirmed("Q1"));
    }

    /** Captures {@code capture} and accepts it as sales-qualified with the full checklist. */
    Lead qualified(LeadCapture capture) {
        Lead lead = leads().capture(capture).lead();
        QualificationOutcome outcome = leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant());
        if (outcome.isRefused()) {
            throw new AssertionError("not qualified: " + outcome);
        }
        return outcome.lead();
    }
}
