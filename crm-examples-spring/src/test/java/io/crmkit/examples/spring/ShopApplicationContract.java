package io.crmkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.Crm;
import io.crmkit.shared.CustomerId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shop, started on a random port and called over HTTP, on the database its subclass configures. Every test works
 * with customers and orders of its own, so the tests share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventRecorder.class)
abstract class ShopApplicationContract {

    @LocalServerPort
    int port;

    @Autowired
    Crm crm;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRecorder events;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // ---------------------------------------------------------------------------------------------- customers

    @Test
    void registers_a_customer_with_contact_data_as_people_type_it() {
        Http.Response response = http.post("/customers", """
                {"kind": "PERSON", "givenName": "Sarah", "familyName": "Miller",
                 "emails": [{"address": "Sarah.Miller@Example.COM"}],
                 "phones": [{"number": "07700 900123"}],
                 "tags": ["newsletter"]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode customer = response.json();
        assertThat(response.location()).isEqualTo("/customers/" + customer.get("id").asText());
        assertThat(customer.at("/emails/0/address").asText()).isEqualTo("Sarah.Miller@example.com");
        assertThat(customer.at("/phones/0/number/e164").asText()).isEqualTo("+447700900123");
        assertThat(customer.get("version").asLong()).isEqualTo(1);

        Http.Response read = http.get("/customers/" + customer.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(customer);
    }

    @Test
    void an_invalid_registration_is_a_400_listing_every_violated_field() {
        Http.Response response = http.post("/customers", """
                {"kind": "PERSON", "givenName": "Sarah",
                 "emails": [{"address": "sarah@example.com"}, {"address": "not an address"}],
                 "phones": [{"number": "12"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid input");
        assertThat(problem.get("instance").asText()).isEqualTo("/customers");
        assertThat(fields(problem)).containsExactly("emails[1].address", "phones[0].number");
        problem.get("violations").forEach(v -> assertThat(v.get("message").asText()).isNotBlank());
    }

    @Test
    void malformed_json_and_values_of_the_wrong_form_are_400s() {
        Http.Response malformed = http.post("/customers", "{\"kind\": \"PERSON\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().at("/violations/0/message").asText()).startsWith("malformed JSON");

        Http.Response unknownKind = http.post("/customers", "{\"kind\": \"ROBOT\", \"givenName\": \"R2\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(fields(unknownKind.json())).containsExactly("kind");

        Http.Response badId = http.post("/orders", order("w-" + UUID.randomUUID(), "not-a-uuid", "FIG-CEDAR"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(fields(badId.json())).containsExactly("customerId");

        Http.Response misspelt = http.post("/customers", "{\"kind\": \"PERSON\", \"givnName\": \"Sarah\"}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(fields(misspelt.json())).containsExactly("givnName");
    }

    @Test
    void unknown_ids_are_404s_and_malformed_ids_400s() {
        String unknown = UUID.randomUUID().toString();
        Http.Response notFound = http.get("/customers/" + unknown);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(notFound.json().get("recordId").asText()).isEqualTo(unknown);

        assertThat(http.get("/customers/" + unknown + "/timeline").status()).isEqualTo(404);
        assertThat(http.get("/pipelines/" + unknown + "/board").status()).isEqualTo(404);

        Http.Response malformed = http.get("/customers/12345");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed.json())).containsExactly("id");
    }

    @Test
    void a_change_based_on_a_stale_version_is_a_409() {
        String id = register("Emma", "Miller");

        Http.Response first = http.patch("/customers/" + id, "{\"version\": 1, \"jobTitle\": \"Florist\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(2);

        Http.Response stale = http.patch("/customers/" + id, "{\"version\": 1, \"addTags\": [\"vip\"]}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("expectedVersion").asLong()).isEqualTo(1);
        assertThat(crm.customers().get(CustomerId.parse(id)).tags()).isEmpty();

        Http.Response noVersion = http.patch("/customers/" + id, "{\"jobTitle\": \"Owner\"}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(fields(noVersion.json())).containsExactly("version");
    }

    // ------------------------------------------------------------------------------------------------ orders

    @Test
    void an_order_is_stored_once_however_often_the_webhook_delivers_it() {
        String customer = register("Sarah", "Jones");
        String orderId = "o-" + UUID.randomUUID();

        Http.Response first = http.post("/orders", order(orderId, customer, "FIG-CEDAR"));
        Http.Response again = http.post("/orders", order(orderId, customer, "FIG-CEDAR"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().at("/total/amount").asText()).isEqualTo("42.50");
        assertThat(first.json().at("/total/currency").asText()).isEqualTo("GBP");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(ordersStored(orderId)).isEqualTo(1);
        JsonNode timeline = http.get("/customers/" + customer + "/timeline").json();
        assertThat(timeline.get("items")).hasSize(1);
        assertThat(timeline.at("/items/0/id").asText()).isEqualTo(first.json().get("touchpointId").asText());
        assertThat(timeline.at("/items/0/purchase/orderReference").asText()).isEqualTo(orderId);
        assertThat(purchasesDelivered(customer)).hasSize(1);
    }

    @Test
    void concurrent_deliveries_of_one_order_store_it_once() throws Exception {
        String customer = register("Jo", "Parallel");
        String orderId = "c-" + UUID.randomUUID();
        int deliveries = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Http.Response> delivery = () -> {
                    start.await();
                    return http.post("/orders", order(orderId, customer, "SEA-SALT"));
                };
                answers.add(pool.submit(delivery));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> touchpoints = new HashSet<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                statuses.add(response.status());
                touchpoints.add(response.json().get("touchpointId").asText());
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(touchpoints).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ordersStored(orderId)).isEqualTo(1);
        assertThat(http.get("/customers/" + customer + "/timeline").json().get("items")).hasSize(1);
        assertThat(purchasesDelivered(customer)).hasSize(1);
    }

    @Test
    void events_are_delivered_after_the_commit() {
        String customer = register("Ada", "Commit");
        Http.Response response = http.post("/orders", order("e-" + UUID.randomUUID(), customer, "WICK-TRIM"));
        assertThat(response.status()).isEqualTo(201);

        List<EventRecorder.Delivery> purchases = purchasesDelivered(customer);
        assertThat(purchases).hasSize(1);
        assertThat(((TouchpointRecorded) purchases.get(0).event()).touchpointId().value().toString())
                .isEqualTo(response.json().get("touchpointId").asText());
        assertThat(purchases.get(0).orderCommitted())
                .as("when the event arrived, the order was readable through another connection: committed")
                .isTrue();
    }

    /**
     * The shop's part fails after crmkit wrote: crmkit has stored the touchpoint (and updated the activity) when the
     * shop's database refuses an order line for a product it does not sell. Spring rolls the transaction back, and
     * with it crmkit's writes; crmkit's event is never delivered.
     */
    @Test
    void when_the_shops_write_fails_after_crmkit_wrote_neither_is_stored() {
        String customer = register("Rob", "Rollback");
        String orderId = "r-" + UUID.randomUUID();

        Http.Response refused = http.post("/orders", order(orderId, customer, "NO-SUCH-PRODUCT"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ordersStored(orderId)).isZero();
        assertThat(http.get("/customers/" + customer + "/timeline").json().get("items")).isEmpty();
        assertThat(crm.touchpoints().activity(CustomerId.parse(customer)))
                .isEqualTo(CustomerActivity.none(CustomerId.parse(customer)));
        assertThat(purchasesDelivered(customer)).isEmpty();

        // crmkit's idempotency key (source, order id) was rolled back too: the corrected order is stored as new.
        Http.Response corrected = http.post("/orders", order(orderId, customer, "FIG-CEDAR"));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(http.get("/customers/" + customer + "/timeline").json().get("items")).hasSize(1);
        assertThat(purchasesDelivered(customer)).hasSize(1);
    }

    /** crmkit's part fails after the shop wrote its order row: an unknown customer. The row is rolled back. */
    @Test
    void when_crmkits_write_fails_after_the_shop_wrote_neither_is_stored() {
        String unknownCustomer = UUID.randomUUID().toString();
        String orderId = "u-" + UUID.randomUUID();

        Http.Response refused = http.post("/orders", order(orderId, unknownCustomer, "FIG-CEDAR"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.json().get("recordType").asText()).isEqualTo("Customer");
        assertThat(ordersStored(orderId)).isZero();
    }

    @Test
    void an_invalid_order_is_a_400_listing_every_violated_field() {
        String customer = register("Val", "Idation");
        Http.Response response = http.post("/orders", """
                {"orderId": "", "customerId": "%s", "placedAt": "2026-11-20T10:15:00Z", "currency": "pounds",
                 "lines": [{"sku": "FIG-CEDAR", "quantity": 0, "unitPrice": "21.25"}]}""".formatted(customer));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("currency", "lines[0].quantity", "orderId");
    }

    // ------------------------------------------------------------------------------------------------ timeline

    @Test
    void the_timeline_is_paged_newest_first_by_the_cursor_in_the_response() {
        String customer = register("Tim", "Line");
        for (int day = 1; day <= 25; day++) {
            Http.Response response = http.post("/orders", """
                    {"orderId": "%s", "customerId": "%s", "placedAt": "2026-10-%02dT09:00:00Z", "currency": "GBP",
                     "lines": [{"sku": "SEA-SALT", "quantity": 1, "unitPrice": "18.00"}]}"""
                    .formatted("t-" + UUID.randomUUID(), customer, day));
            assertThat(response.status()).isEqualTo(201);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            Http.Response page = http.get("/customers/" + customer + "/timeline?size=10&channel=PURCHASE"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode json = page.json();
            pageSizes.add(json.get("items").size());
            json.get("items").forEach(item -> seen.add(item.get("occurredAt").asText()));
            cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).startsWith("2026-10-25");
        assertThat(seen.get(24)).startsWith("2026-10-01");
        assertThat(seen).isSortedAccordingTo((a, b) -> b.compareTo(a));

        Http.Response forged = http.get("/customers/" + customer + "/timeline?cursor=forged");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(fields(forged.json())).containsExactly("cursor");
    }

    // ------------------------------------------------------------------------------------------------ board

    @Test
    void the_board_shows_count_total_and_weighted_total_per_stage_and_currency() {
        PipelineBoardScenario.run(crm, http);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Registers a person over HTTP and returns the id. */
    String register(String givenName, String familyName) {
        Http.Response response = http.post("/customers", """
                {"kind": "PERSON", "givenName": "%s", "familyName": "%s"}""".formatted(givenName, familyName));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** An order of two items at 21.25 GBP, with a field the shop does not read ("channel"), as platforms send. */
    static String order(String orderId, String customerId, String sku) {
        return """
                {"orderId": "%s", "customerId": "%s", "placedAt": "2026-11-20T10:15:00Z", "currency": "GBP",
                 "channel": "web", "lines": [{"sku": "%s", "quantity": 2, "unitPrice": "21.25", "taxRate": "0.2"}]}"""
                .formatted(orderId, customerId, sku);
    }

    long ordersStored(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE order_id = ?").param(orderId).query(Long.class)
                .single();
    }

    List<EventRecorder.Delivery> purchasesDelivered(String customer) {
        return events.about(CustomerId.parse(customer)).stream()
                .filter(d -> d.event() instanceof TouchpointRecorded recorded && recorded.channel() == Channel.PURCHASE)
                .toList();
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        return fields;
    }
}
