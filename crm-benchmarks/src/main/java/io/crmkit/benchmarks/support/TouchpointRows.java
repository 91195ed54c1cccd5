package io.crmkit.benchmarks.support;

import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The touchpoints every side of a benchmark writes or reads, generated from a fixed seed: the same rows on every
 * side, in every fork, on every run. A row names its customer by index; each side maps the index to its own id.
 *
 * <p>The mix: 30 % e-mails (with a short body), 25 % web visits, 15 % purchases (amount in EUR, order number),
 * 10 % calls, 10 % chats and 10 % support requests; subjects of 20–40 characters; an agent on e-mails, calls, chats
 * and support requests; every row has a source (system {@code shop} or {@code mail}, a unique external id), the
 * idempotency key crmkit checks; no free attributes.
 */
public final class TouchpointRows {

    /** Where the generated history ends: every occurredAt is before this instant. */
    public static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private static final String BODY = "Hello, thank you for your order. Your candles are on their way and should "
            + "arrive within three working days.";

    private TouchpointRows() {
    }

    /** One touchpoint, as neutral data. */
    public record Row(int customer, Channel channel, Direction direction, Instant occurredAt, String subject,
                      String body, String handledBy, BigDecimal amount, String currency, String orderReference,
                      String sourceSystem, String externalId) {
    }

    /**
     * {@code count} touchpoints spread evenly over {@code customers} customers (row k belongs to customer
     * k mod customers), occurring in the year before {@link #END} in no particular order.
     */
    public static List<Row> spread(int count, int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            rows.add(row(k, k % customers, random));
        }
        return rows;
    }

    /**
     * {@code count} touchpoints of which {@code hot} belong to customer 0 (every (count / hot)-th row) and the rest
     * are spread over customers 1 to customers − 1: one customer with a long history among many.
     */
    public static List<Row> withHotCustomer(int count, int hot, int customers, long seed) {
        if (hot > count || customers < 2) {
            throw new IllegalArgumentException("need hot <= count and at least two customers");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(count);
        double every = (double) count / hot;
        int hotSoFar = 0;
        int other = 0;
        for (int k = 0; k < count; k++) {
            boolean isHot = hotSoFar < hot && k >= Math.round(hotSoFar * every);
            int customer;
            if (isHot) {
                customer = 0;
                hotSoFar++;
            } else {
                customer = 1 + (other++ % (customers - 1));
            }
            rows.add(row(k, customer, random));
        }
        return rows;
    }

    private static Row row(int k, int customer, SplittableRandom random) {
        Instant at = END.minusSeconds(1 + random.nextLong(365L * 24 * 3600)).plusNanos(random.nextInt(1_000_000) * 1000L);
        int pick = random.nextInt(100);
        if (pick < 30) {
            boolean inbound = (k & 1) == 0;
            return new Row(customer, Channel.EMAIL, inbound ? Direction.INBOUND : Direction.OUTBOUND, at,
                    (inbound ? "Question about order " : "Re: your order ") + (100_000 + k), BODY,
                    "agent-" + (k % 25), null, null, null, "mail", "msg-" + k);
        }
        if (pick < 55) {
            return new Row(customer, Channel.WEB_VISIT, Direction.INBOUND, at, "Visited /candles/scented/" + (k % 500),
                    null, null, null, null, null, "shop", "visit-" + k);
        }
        if (pick < 70) {
            BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
            return new Row(customer, Channel.PURCHASE, Direction.INBOUND, at, "Order " + (100_000 + k), null, null,
                    amount, "EUR", "order-" + (100_000 + k), "shop", "order-" + k);
        }
        if (pick < 80) {
            return new Row(customer, Channel.CALL, (k & 1) == 0 ? Direction.INBOUND : Direction.OUTBOUND, at,
                    "Call about delivery " + (100_000 + k), null, "agent-" + (k % 25), null, null, null, "phone",
                    "call-" + k);
        }
        if (pick < 90) {
            return new Row(customer, Channel.CHAT, Direction.INBOUND, at, "Chat about gift wrapping " + k, null,
                    "agent-" + (k % 25), null, null, null, "chat", "chat-" + k);
        }
        return new Row(customer, Channel.SUPPORT_REQUEST, Direction.INBOUND, at, "Broken candle in parcel " + k,
                null, "agent-" + (k % 25), null, null, null, "helpdesk", "ticket-" + k);
    }
}
