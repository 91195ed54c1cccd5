package io.crmkit.examples.spring;

import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TouchpointRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to crmkit's events like any Spring event: here it would queue a thank-you e-mail for every purchase. crmkit
 * publishes the event after the transaction that recorded the purchase committed, so no customer is thanked for an
 * order that was rolled back.
 */
@Component
public class PurchaseThankYou {

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseThankYou.class);

    @EventListener
    public void on(TouchpointRecorded recorded) {
        if (recorded.channel() == Channel.PURCHASE) {
            LOG.info("thank-you note queued for customer {} (touchpoint {})", recorded.customerId(),
                    recorded.touchpointId());
        }
    }
}
