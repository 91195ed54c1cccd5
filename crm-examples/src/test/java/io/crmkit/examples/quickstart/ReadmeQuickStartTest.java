package io.crmkit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("README's quick start")
class ReadmeQuickStartTest {

    @Test
    @DisplayName("compiles and does what the README says")
    void quickStart() {
        // --- the README's quick start, verbatim ---
        Crm crm = Crm.builder()
                .storage(new InMemoryCrmStorage())
                .defaultRegion("GB")                      // read "07700 900123" as a UK number
                .listener(event -> System.out.println("event: " + event))
                .build();

        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("Sarah.Miller@Example.COM")       // stored as Sarah.Miller@example.com
                .phone("07700 900123")                    // stored as +447700900123
                .build());

        NewTouchpoint order = NewTouchpoint
                .builder(sarah.id(), Channel.PURCHASE, Direction.INBOUND, Instant.parse("2026-11-20T10:15:00Z"))
                .purchase(Money.of("42.50", "GBP"), "1001")
                .source("shop", "order-1001")             // a re-delivered webhook is stored once
                .build();
        crm.touchpoints().record(order);
        crm.touchpoints().record(order);                  // RecordResult.duplicate() == true

        Page<Touchpoint> timeline = crm.touchpoints().timeline(sarah.id(), PageRequest.first(20));
        List<Customer> found = crm.customers().findByPhone("+44 7700 900123");   // [Sarah]
        // --- end of the quick start ---

        assertThat(sarah.primaryEmail().orElseThrow().value()).isEqualTo("Sarah.Miller@example.com");
        assertThat(sarah.primaryPhone().orElseThrow().e164()).isEqualTo("+447700900123");
        assertThat(crm.touchpoints().record(order).duplicate()).isTrue();
        assertThat(timeline.items()).hasSize(1);
        assertThat(found).extracting(Customer::id).containsExactly(sarah.id());
    }

    @Test
    @DisplayName("is the code that README.md shows")
    void readmeShowsThisCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String test = Files.readString(Path.of("src/test/java/io/crmkit/examples/quickstart/ReadmeQuickStartTest.java"));
        String normalisedTest = normalise(test);

        Arrays.stream(block.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> assertThat(normalisedTest).as("README line in this test").contains(line));
    }

    private static String normalise(String source) {
        return Arrays.stream(source.split("\n")).map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }
}
