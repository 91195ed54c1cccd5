package io.crmkit.examples.spring;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.TouchpointId;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shop's own tables ({@code src/main/resources/schema.sql}), written with Spring's {@link JdbcClient}: it takes
 * the connection of the current Spring transaction, the same one crmkit joins.
 */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The receipt of an order stored before, if any. */
    public Optional<OrderReceipt> find(String orderId) {
        return jdbc.sql("SELECT order_id, customer_id, currency, total, touchpoint_id FROM shop_order "
                        + "WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, row) -> new OrderReceipt(rs.getString("order_id"),
                        CustomerId.of(rs.getObject("customer_id", UUID.class)),
                        Money.of(rs.getBigDecimal("total").stripTrailingZeros().toPlainString(), rs.getString("currency")),
                        new TouchpointId(rs.getObject("touchpoint_id", UUID.class))))
                .optional();
    }

    /**
     * Stores the order's head. The primary key on {@code order_id} is what keeps two concurrent deliveries of one
     * order from both being stored: the second waits for the first and then fails with a duplicate key.
     */
    public void insert(OrderWebhook order, BigDecimal total) {
        jdbc.sql("INSERT INTO shop_order (order_id, customer_id, placed_at, currency, total) "
                        + "VALUES (:orderId, :customerId, :placedAt, :currency, :total)")
                .param("orderId", order.orderId())
                .param("customerId", order.customerId().value())
                .param("placedAt", order.placedAt().atOffset(ZoneOffset.UTC))
                .param("currency", order.currency())
                .param("total", total)
                .update();
    }

    /** Stores the order's lines; each must name a product of the shop (a foreign key). */
    public void insertLines(OrderWebhook order) {
        int lineNo = 0;
        for (OrderWebhook.Line line : order.lines()) {
            jdbc.sql("INSERT INTO shop_order_line (order_id, line_no, sku, quantity, unit_price) "
                            + "VALUES (:orderId, :lineNo, :sku, :quantity, :unitPrice)")
                    .param("orderId", order.orderId())
                    .param("lineNo", ++lineNo)
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice())
                    .update();
        }
    }

    /** Links the order to the touchpoint that records it in the buyer's history. */
    public void linkTouchpoint(String orderId, TouchpointId touchpoint) {
        jdbc.sql("UPDATE shop_order SET touchpoint_id = :touchpointId WHERE order_id = :orderId")
                .param("touchpointId", touchpoint.value())
                .param("orderId", orderId)
                .update();
    }

    /** How many orders the shop has stored (for the tests and the start-up log). */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order").query(Long.class).single();
    }
}
