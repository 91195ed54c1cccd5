package io.crmkit.examples.quickstart;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.BatchResult;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The quick-start example: a small online shop that sells handmade candles and remembers its customers.
 *
 * <p>It registers customers with contact data as people type it, links a sister and a café's buyer, ingests a few
 * hundred orders and e-mails through the batch API (including a webhook delivered twice), and prints Sarah's
 * timeline and the customers who have not bought for 90 days.
 *
 * <p>Run it with {@code ./mvnw -q -pl crm-examples -am compile exec:java}.
 */
public final class CandleShop {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    CandleShop(Crm crm, Clock clock, PrintStream out) {
        this.crm = crm;
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j"); // Hibernate Validator logs through SLF4J
        // A fixed clock keeps the story (and its printed figures) the same on every run.
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        Crm crm = Crm.builder()
                .storage(new InMemoryCrmStorage())
                .clock(clock)
                .defaultRegion("GB")
                .build();
        new CandleShop(crm, clock, System.out).run();
    }

    /** Tells the story; returns what it printed as figures, for the example's test. */
    Summary run() {
        out.println("crmkit quick start: the candle shop (in-memory storage, so every run starts clean)");
        out.println();

        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("  Sarah.Miller@Example.COM ")
                .phone("07700 900123", "mobile")
                .address(new PostalAddress("12 Wick Lane", "BS1 4DJ", "Bristol", null, "gb", "shipping", true))
                .tag("candles")
                .preference("scent", AttributeValue.text("lavender"))
                .birthday(LocalDate.of(1990, 4, 12))
                .build());
        Customer emma = crm.customers().register(CustomerRegistration.person("Emma", "Miller")
                .email("emma.miller@example.org")
                .phone("+44 (0)7700 900456")
                .build());
        crm.customers().relate(emma.id(), RelationshipType.SISTER_OF, sarah.id());

        Customer cafe = crm.customers().register(CustomerRegistration.organisation("Café Luna")
                .domain("Cafe-Luna.example")
                .industry("Hospitality")
                .email("orders@cafe-luna.example")
                .tag("wholesale")
                .build());
        Customer tom = crm.customers().register(CustomerRegistration.person("Tom", "Baker")
                .jobTitle("Buyer")
                .email("tom@cafe-luna.example", "work")
                .phone("0117 496 0123", "work")
                .build());
        crm.customers().relate(tom.id(), RelationshipType.WORKS_AT, cafe.id());

        BatchResult ingest = crm.touchpoints().recordAll(history(sarah, emma, tom));
        // The shop's webhook for Sarah's first order arrives a second time: recognised, not double-counted.
        BatchResult redelivery = crm.touchpoints().recordAll(List.of(order(sarah, "1001",
                Instant.parse("2025-11-01T10:00:00Z"), "23.10")));

        out.printf("Registered %d customers; recorded %d touchpoints; the re-delivered webhook was a duplicate: %s%n",
                4, ingest.recordedCount(), redelivery.results().get(0).duplicate());
        out.println();

        out.println("Sarah is found by any spelling of her contact data:");
        out.printf("  by e-mail sarah.miller@example.com -> %s%n",
                crm.customers().findByEmail("sarah.miller@example.com").get(0).displayName());
        out.printf("  by phone +44 7700 900123           -> %s%n",
                crm.customers().findByPhone("+44 7700 900123").get(0).displayName());
        for (RelatedCustomer side : crm.customers().relationships(sarah.id(), PageRequest.first()).items()) {
            out.printf("  Sarah: %s %s%n", side.label(), crm.customers().get(side.other()).displayName());
        }
        out.println();

        out.println("Sarah's timeline, newest first, 5 per page (first two pages):");
        Page<Touchpoint> page = crm.touchpoints().timeline(sarah.id(), PageRequest.first(5));
        int printedPages = 0;
        while (printedPages < 2) {
            printTimelinePage(page, printedPages + 1);
            printedPages++;
            if (page.nextRequest().isEmpty()) {
                break;
            }
            page = crm.touchpoints().timeline(sarah.id(), page.nextRequest().get());
        }
        CustomerActivity activity = crm.touchpoints().activity(sarah.id());
        out.printf("  Sarah in all: %d touchpoints, %d purchases, last purchase %s%n", activity.totalCount(),
                activity.count(Channel.PURCHASE), WHEN.format(activity.lastPurchaseAt()));
        out.println();

        Instant cutoff = clock.instant().minus(Duration.ofDays(90));
        List<CustomerActivity> lapsed = crm.touchpoints().lapsedBuyers(cutoff, PageRequest.first(50)).items();
        out.println("Customers who have not bought for 90 days:");
        out.println("  customer       | last purchase    | purchases");
        for (CustomerActivity a : lapsed) {
            out.printf("  %-14s | %s | %9d%n", crm.customers().get(a.customerId()).displayName(),
                    WHEN.format(a.lastPurchaseAt()), a.count(Channel.PURCHASE));
        }
        return new Summary(ingest.recordedCount(), redelivery.duplicateCount(), activity.totalCount(),
                activity.count(Channel.PURCHASE), lapsed.stream().map(a -> crm.customers().get(a.customerId())
                .displayName()).toList());
    }

    private void printTimelinePage(Page<Touchpoint> page, int number) {
        out.printf("  page %d%n", number);
        for (Touchpoint t : page.items()) {
            String what = t.isPurchase()
                    ? "order " + t.purchase().orderReference() + " " + t.purchase().amount()
                    : t.subject();
            out.printf("    %s  %-9s %-8s %s%n", WHEN.format(t.occurredAt()), t.channel(), t.direction(), what);
        }
    }

    /**
     * A few hundred orders and e-mails: Sarah orders every couple of weeks and writes in now and then; Emma bought
     * twice last winter and then stopped; Tom orders for the café in bulk.
     */
    private List<NewTouchpoint> history(Customer sarah, Customer emma, Customer tom) {
        List<NewTouchpoint> all = new ArrayList<>();
        Random random = new Random(42);
        Instant start = Instant.parse("2025-11-01T09:00:00Z");
        int orderNumber = 1001;
        for (int week = 0; week < 55; week += 2) {
            Instant placed = start.plus(Duration.ofDays(7L * week + random.nextInt(5))).plusSeconds(random.nextInt(36_000));
            String amount = BigDecimal.valueOf(1500 + random.nextInt(4000), 2).toPlainString();
            all.add(email(sarah, "shipping-" + orderNumber, placed.plus(Duration.ofHours(20)),
                    Direction.OUTBOUND, "Your candles are on their way"));
            all.add(order(sarah, Integer.toString(orderNumber++), placed, amount));
        }
        all.add(email(sarah, "question-1", Instant.parse("2026-11-20T18:30:00Z"), Direction.INBOUND,
                "Do you make unscented candles?"));
        all.add(order(emma, "e-1", Instant.parse("2025-12-10T12:00:00Z"), "19.90"));
        all.add(order(emma, "e-2", Instant.parse("2026-02-14T12:00:00Z"), "34.00"));
        for (int month = 0; month < 12; month++) {
            Instant placed = start.plus(Duration.ofDays(30L * month + 3));
            all.add(order(tom, "w-" + month, placed, "480.00"));
            for (int visit = 0; visit < 15; visit++) {
                all.add(NewTouchpoint.builder(tom.id(), Channel.WEB_VISIT, Direction.INBOUND,
                                placed.minus(Duration.ofHours(visit + 1L)))
                        .subject("Wholesale catalogue")
                        .source("web", "visit-" + month + "-" + visit)
                        .build());
            }
        }
        return all;
    }

    private static NewTouchpoint order(Customer customer, String number, Instant placed, String amount) {
        return NewTouchpoint.builder(customer.id(), Channel.PURCHASE, Direction.INBOUND, placed)
                .purchase(Money.of(amount, "GBP"), number)
                .source("shop", "order-" + number)
                .build();
    }

    private static NewTouchpoint email(Customer customer, String id, Instant at, Direction direction, String subject) {
        return NewTouchpoint.builder(customer.id(), Channel.EMAIL, direction, at)
                .subject(subject)
                .source("mail", id)
                .build();
    }

    /** The figures the example prints, for its test. */
    record Summary(int recorded, int duplicates, long sarahTouchpoints, long sarahPurchases, List<String> lapsed) {
    }
}
