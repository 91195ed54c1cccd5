package io.crmkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void registersAndRecords() {
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).defaultRegion("GB").build();
        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("Sarah.Miller@Example.COM").phone("07700 900123").build());
        assertThat(sarah.primaryEmail().orElseThrow().value()).isEqualTo("Sarah.Miller@example.com");
        assertThat(sarah.primaryPhone().orElseThrow().e164()).isEqualTo("+447700900123");
        var r = crm.touchpoints().record(NewTouchpoint.builder(sarah.id(), Channel.PURCHASE, Direction.INBOUND,
                Instant.parse("2026-01-01T10:00:00Z")).purchase(Money.of("12.50", "GBP"), "1001")
                .source("shop", "1001").build());
        assertThat(r.duplicate()).isFalse();
        assertThat(crm.touchpoints().timeline(sarah.id(), PageRequest.first(10)).items()).hasSize(1);
        assertThatThrownBy(() -> crm.customers().register(CustomerRegistration.person(null, null)
                .email("not an email").phone("12").build()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> System.out.println(e.getMessage()));
    }
}
