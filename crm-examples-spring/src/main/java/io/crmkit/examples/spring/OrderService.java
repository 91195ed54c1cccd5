package io.crmkit.examples.spring;

import io.crmkit.Crm;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Money;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.RecordResult;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an order from the shop platform's webhook: stores it in the shop's tables and records the purchase in the
 * buyer's crmkit history, in one transaction.
 */
@Service
public class OrderService {

    /** The source system of the purchase touchpoints: with the order id it makes crmkit's ingestion idempotent too. */
    static final String SOURCE_SYSTEM = "candle-shop";

    private final OrderRepository orders;
    private final Crm crm;

    public OrderService(OrderRepository orders, Crm crm) {
        this.orders = orders;
        this.crm = crm;
    }

    /** Whether the order was new, and its receipt. */
    public record Outcome(OrderReceipt receipt, boolean redelivered) {
    }

    /**
     * Stores a delivered order, or returns the receipt of the first delivery of the same order.
     *
     * <p>One transaction, three writers: the shop's {@code shop_order} row, crmkit's touchpoint (and the buyer's
     * activity summary), the shop's order lines. crmkit joins the transaction Spring opened for this method, so if
     * any step throws, Spring rolls back all of it:
     * <ul>
     *   <li>crmkit refuses the purchase (an unknown customer: {@code NotFoundException}; an amount its currency
     *       cannot have: {@code InvalidInputException}) after the shop's row was written: the row is rolled back;</li>
     *   <li>the shop's database refuses a line (a product it does not sell: a foreign key) after crmkit stored the
     *       touchpoint: the touchpoint is rolled back too, and crmkit's {@code TouchpointRecorded} event is never
     *       delivered, because crmkit hands its events to Spring to publish after the commit.</li>
     * </ul>
     */
    @Transactional
    public Outcome receive(OrderWebhook order) {
        Optional<OrderReceipt> earlier = orders.find(order.orderId());
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), true);
        }
        BigDecimal total = order.total();
        orders.insert(order, total);

        RecordResult recorded = crm.touchpoints().record(NewTouchpoint
                .builder(order.customerId(), Channel.PURCHASE, Direction.INBOUND, order.placedAt())
                .subject("Order " + order.orderId())
                .purchase(Money.of(total.toPlainString(), order.currency()), order.orderId())
                .attribute("items", AttributeValue.integer(order.lines().stream().mapToLong(OrderWebhook.Line::quantity)
                        .sum()))
                .source(SOURCE_SYSTEM, order.orderId())
                .build());

        orders.insertLines(order);
        orders.linkTouchpoint(order.orderId(), recorded.touchpoint().id());
        return new Outcome(new OrderReceipt(order.orderId(), order.customerId(), recorded.touchpoint().purchase()
                .amount(), recorded.touchpoint().id()), false);
    }

    /** The receipt of a stored order, in a transaction of its own. */
    @Transactional(readOnly = true)
    public Optional<OrderReceipt> receipt(String orderId) {
        return orders.find(orderId);
    }
}
