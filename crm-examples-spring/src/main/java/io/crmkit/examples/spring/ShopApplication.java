package io.crmkit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small candle shop on Spring Boot 4 that embeds crmkit: its own tables ({@code shop_order}, {@code shop_product})
 * and crmkit's live in one database, and an order and the purchase it adds to the customer's history are stored in
 * one Spring-managed transaction.
 *
 * <p>Run it with {@code ./mvnw -q -pl crm-examples-spring -am compile exec:java}: on an in-memory H2 database by
 * default, or on PostgreSQL with {@code -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test
 * -Dspring.datasource.username=root}. The HTTP API is described in crm-examples/README.md.
 *
 * <ul>
 *   <li>{@link CrmConfiguration}: crmkit on the application's DataSource, joining Spring's transactions, its events
 *       published as Spring application events after the commit;</li>
 *   <li>{@link JsonConfiguration}: all JSON through one Jackson 2 mapper with crm-jackson's {@code CrmModule};</li>
 *   <li>{@link OrderService}: the shop's order and crmkit's touchpoint in one {@code @Transactional} method;</li>
 *   <li>{@link CustomerController}, {@link OrderWebhookController}, {@link PipelineController}: the REST API;</li>
 *   <li>{@link ProblemDetailsAdvice}: crmkit's exceptions as RFC 9457 problem details.</li>
 * </ul>
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
