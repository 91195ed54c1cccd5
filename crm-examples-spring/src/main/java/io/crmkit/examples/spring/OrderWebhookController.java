package io.crmkit.examples.spring;

import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders}: the shop platform's order webhook. Idempotent by the shop's order id: the first delivery
 * answers {@code 201 Created}, every later delivery of the same order {@code 200 OK} with the first receipt, and
 * nothing is stored twice.
 */
@RestController
public class OrderWebhookController {

    private final OrderService orders;

    public OrderWebhookController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    public ResponseEntity<OrderReceipt> receive(@Valid @RequestBody OrderWebhook order) {
        try {
            OrderService.Outcome outcome = orders.receive(order);
            return ResponseEntity.status(outcome.redelivered() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(outcome.receipt());
        } catch (DuplicateKeyException e) {
            // Two deliveries of one order at the same time: both found no order, the second then waited on the
            // primary key of shop_order until the first committed, and failed. Its transaction is rolled back (and
            // with it anything crmkit wrote); the first one's receipt is the answer. This is outside the
            // @Transactional method on purpose: the failed transaction is over, the look-up runs in a new one.
            return orders.receipt(order.orderId())
                    .map(receipt -> ResponseEntity.ok(receipt))
                    .orElseThrow(() -> e);
        }
    }
}
