package io.crmkit.examples.quickstart;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.RelatedCustomer;
import io.crmkit.customer.RelationshipType;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.CaptureResult;
import io.crmkit.lead.Condition;
import io.crmkit.lead.ConversionDeal;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.ConversionResult;
import io.crmkit.lead.EngagementRule;
import io.crmkit.lead.FitRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadScore;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.MarketingQualificationRule;
import io.crmkit.lead.QualificationOutcome;
import io.crmkit.lead.RuleContribution;
import io.crmkit.lead.ScoringModel;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealLoss;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.task.Task;
import io.crmkit.touchpoint.BatchResult;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The quick-start example: a small online shop that sells handmade candles to people and, wholesale, to cafés.
 *
 * <p>It runs on the real storage path — the JDBC adapter on an embedded H2 database file — and tells one story:
 * customers registered with contact data as people type it (Sarah, her sister Emma who writes in later, a café and
 * its buyer), a few hundred orders and e-mails ingested through the batch API (one webhook delivered twice), leads from
 * a newsletter and a webinar scored with a small model, one of them qualified and converted into a customer and a
 * wholesale deal, deals moved through the wholesale pipeline to Won (a follow-up task appears on the way) and one
 * lost with a reason. It prints Sarah's timeline, a lead's score with every rule's contribution, the pipeline board,
 * the customers who have not bought for 90 days and the tasks due.
 *
 * <p>Run it with {@code ./mvnw -q -pl crm-examples -am compile exec:java}; the database file goes to
 * {@code crm-examples/target/candle-shop/} unless a path is given as the first argument. Every run starts clean: if
 * the file holds the shop of an earlier run, the run says so and wipes it first.
 */
public final class CandleShop {

    /** The shop's clock stands still at this instant, so that every run tells the same story with the same figures. */
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final UserId LEO = UserId.of("leo");    // sells wholesale

    private final Crm crm;
    private final PrintStream out;

    CandleShop(Crm crm, PrintStream out) {
        this.crm = crm;
        this.out = out;
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j"); // Hibernate Validator logs through SLF4J
        Path file = Path.of(args.length > 0 ? args[0] : "crm-examples/target/candle-shop/crm").toAbsolutePath();
        run(file, System.out);
    }

    /** Opens (or creates) the shop's database at {@code file}, wipes an earlier run, and tells the story. */
    static Summary run(Path file, PrintStream out) {
        // A pool keeps the database open while the shop runs, as an application's pool would: opening and closing
        // the file for every unit of work (a plain DataSource with DB_CLOSE_DELAY=0) made a read now and then miss a
        // row committed just before, on a busy machine.
        JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:file:" + file, "", "");
        try {
            out.println("crmkit quick start: the candle shop");
            out.println("storage: the JDBC adapter on an embedded H2 database at " + file + ".mv.db");

            long earlier = customersOf(crm(JdbcCrmStorage.create(dataSource)));
            if (earlier > 0) {
                out.println("The database still holds the shop of an earlier run (" + earlier + " customers): "
                        + "this run starts clean and tells the story again.");
                wipe(dataSource);
            } else {
                out.println("The database is new: this run creates crmkit's tables and tells the story.");
            }
            out.println();
            return new CandleShop(crm(JdbcCrmStorage.create(dataSource)), out).tellTheStory();
        } finally {
            dataSource.dispose();
        }
    }

    /** The shop's Crm: a fixed clock, UK phone numbers, and the leads settings of the story. */
    static Crm crm(CrmStorage storage) {
        return Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .defaultRegion("GB")
                .leadSettings(LeadSettings.defaults()
                        .withScoring(scoringModel())
                        .withMarketingQualification(MarketingQualificationRule.scoreAtLeast(40)))
                .build();
    }

    /** A small scoring model, as data: who the lead is (fit) and what the lead did (engagement). */
    static ScoringModel scoringModel() {
        return ScoringModel.of(
                List.of(new FitRule("owner or buyer", Condition.or(Condition.contains("jobTitle", "owner"),
                                Condition.contains("jobTitle", "buyer")), 15),
                        new FitRule("has a company", Condition.exists("company"), 10),
                        new FitRule("came to the webinar", Condition.sourceIs(LeadChannel.WEBINAR), 10),
                        new FitRule("free mail", Condition.emailDomainIn(Set.of("gmail.com", "yahoo.com",
                                "outlook.com")), -5)),
                List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 8, Duration.ofDays(14), 24),
                        new EngagementRule("site visits", Set.of(Channel.WEB_VISIT), null, 2, Duration.ofDays(7),
                                10)));
    }

    private static long customersOf(Crm crm) {
        long count = 0;
        Page<Customer> page = crm.customers().list(PageRequest.first(500));
        while (true) {
            count += page.size();
            if (page.nextRequest().isEmpty()) {
                return count;
            }
            page = crm.customers().list(page.nextRequest().get());
        }
    }

    private static void wipe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        } catch (SQLException e) {
            throw new IllegalStateException("could not wipe the earlier run's database", e);
        }
    }

    Summary tellTheStory() {
        // 1. Customers, as people type their contact data.
        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
                .email("  Sarah.Miller@Example.COM ")
                .phone("07700 900123", "mobile")
                .address(new PostalAddress("12 Wick Lane", "BS1 4DJ", "Bristol", null, "gb", "shipping", true))
                .tag("candles")
                .preference("scent", AttributeValue.text("lavender"))
                .birthday(LocalDate.of(1990, 4, 12))
                .build());
        Customer cafeLuna = crm.customers().register(CustomerRegistration.organisation("Café Luna")
                .domain("Cafe-Luna.example").industry("Hospitality").email("orders@cafe-luna.example")
                .tag("wholesale").owner(LEO).build());
        Customer tom = crm.customers().register(CustomerRegistration.person("Tom", "Baker")
                .jobTitle("Buyer").email("tom@cafe-luna.example", "work").phone("0117 496 0123", "work").build());
        crm.customers().relate(tom.id(), RelationshipType.WORKS_AT, cafeLuna.id());
        Customer oliver = crm.customers().register(CustomerRegistration.person("Oliver", "Grant")
                .email("oliver.grant@example.net").phone("+44 (0)20 7946 0321").build());

        // 2. A year of orders and e-mails through the batch API; then the shop re-delivers one webhook.
        BatchResult history = crm.touchpoints().recordAll(history(sarah, tom, oliver));
        BatchResult redelivery = crm.touchpoints().recordAll(List.of(order(sarah, 1001, at(-387), "23.10")));

        // 3. Emma writes in: nobody knows her address yet, so she is registered and linked to her sister.
        String emmasAddress = "Emma.Miller@example.org";
        if (crm.customers().findByEmail(emmasAddress).isEmpty()) {
            Customer emma = crm.customers().register(CustomerRegistration.person("Emma", "Miller")
                    .email(emmasAddress).phone("+44 7700 900456").build());
            crm.touchpoints().record(NewTouchpoint.builder(emma.id(), Channel.EMAIL, Direction.INBOUND, at(-2))
                    .subject("My sister Sarah loves your candles: do you ship to Leeds?")
                    .source("mail", "inbound-7731").build());
            crm.customers().relate(emma.id(), RelationshipType.SISTER_OF, sarah.id());
        }

        out.printf("Registered %d customers; recorded %d touchpoints in one batch; the re-delivered order webhook "
                + "was recognised as a duplicate: %s%n", 5, history.recordedCount(),
                redelivery.results().get(0).duplicate());
        out.println();
        out.println("Sarah, found by contact data as people type it:");
        out.println("  by e-mail sarah.miller@example.com -> "
                + crm.customers().findByEmail("sarah.miller@example.com").get(0).displayName());
        out.println("  by phone +44 7700 900123           -> "
                + crm.customers().findByPhone("+44 7700 900123").get(0).displayName());
        for (RelatedCustomer side : crm.customers().relationships(sarah.id(), PageRequest.first()).items()) {
            out.println("  Sarah is " + side.label() + " " + crm.customers().get(side.other()).displayName());
        }
        out.println();
        printTimeline(sarah);

        // 4. Leads from a newsletter and a webinar, scored; one qualifies and is converted with a wholesale deal.
        Pipeline wholesale = crm.pipelines().define(PipelineDefinition.named("Wholesale")
                .stage(StageDefinition.open("Enquiry", 10))
                .stage(StageDefinition.open("Samples sent", 30)
                        .followUp(FollowUp.of("Ask how the samples burned", Duration.ofDays(5))))
                .stage(StageDefinition.open("Quote sent", 60))
                .stage(StageDefinition.won("Won"))
                .stage(StageDefinition.lost("Lost"))
                .build());
        Lead priya = captureLeads();
        LeadScore score = crm.leads().score(priya.id());
        printScore(priya, score);

        QualificationOutcome mql = crm.leads().qualifyForMarketing(priya.id());
        QualificationOutcome sql = crm.leads().acceptAsSalesQualified(priya.id(), LEO, new BantChecklist(
                BantItem.confirmed("£2,000 for the first order"), BantItem.confirmed("she owns the café"),
                BantItem.confirmed("house candles for two cafés"), BantItem.confirmed("before the spring menu")));
        ConversionResult converted = crm.leads().convert(priya.id(), ConversionRequest.builder().by(LEO)
                .withOrganisation()
                .deal(ConversionDeal.of(Money.of("1800.00", "GBP"), LocalDate.of(2027, 2, 28))
                        .inPipeline(wholesale.id()).titled("Bean There: house candles"))
                .build());
        out.printf("Priya Shah: %s, then %s; converted into customer %s with organisation %s and a wholesale deal;"
                        + " %d touchpoints moved to her timeline%n",
                mql instanceof QualificationOutcome.Qualified ? "marketing-qualified" : "not marketing-qualified",
                sql instanceof QualificationOutcome.Qualified ? "sales-qualified (BANT)" : "not sales-qualified",
                crm.customers().get(converted.customerId()).displayName(),
                crm.customers().get(converted.conversion().organisationId()).displayName(),
                converted.conversion().touchpointsMoved());
        out.println();

        // 5. The wholesale pipeline: Bean There is won, Café Luna's reorder is lost, The Reading Room waits.
        Stage samples = wholesale.stages().get(1);
        Stage quote = wholesale.stages().get(2);
        Deal beanThere = crm.deals().get(converted.conversion().dealId());
        beanThere = crm.deals().moveStage(beanThere.id(), beanThere.version(), samples.id(), LEO);
        Task followUp = crm.tasks().ofDeal(beanThere.id(), PageRequest.first()).items().get(0);
        out.println("Bean There entered \"Samples sent\": a follow-up task appeared: \"" + followUp.subject()
                + "\", due " + WHEN.format(followUp.dueAt()) + " for " + followUp.assignee());
        crm.tasks().complete(followUp.id(), followUp.version(), LEO);
        beanThere = crm.deals().moveStage(beanThere.id(), beanThere.version(), quote.id(), LEO);
        beanThere = crm.deals().win(beanThere.id(), beanThere.version(), LEO).deal();

        Deal lunaReorder = crm.deals().open(DealOpening.builder(cafeLuna.id(), "Café Luna: winter reorder", LEO,
                Money.of("950.00", "GBP"), LocalDate.of(2026, 12, 20)).pipeline(wholesale.id()).build()).deal();
        lunaReorder = crm.deals().moveStage(lunaReorder.id(), lunaReorder.version(), samples.id(), LEO);
        lunaReorder = crm.deals().lose(lunaReorder.id(), lunaReorder.version(),
                DealLoss.because("price", LEO).note("found a cheaper supplier"));
        for (Task task : crm.tasks().ofDeal(lunaReorder.id(), PageRequest.first()).items()) {
            crm.tasks().cancel(task.id(), task.version(), LEO);
        }

        Customer readingRoom = crm.customers().register(CustomerRegistration.organisation("The Reading Room")
                .domain("readingroom.example").industry("Bookshop café").owner(LEO).build());
        Deal readingRoomDeal = crm.deals().open(DealOpening.builder(readingRoom.id(), "The Reading Room: gift shelf",
                LEO, Money.of("640.00", "GBP"), LocalDate.of(2027, 1, 15)).pipeline(wholesale.id()).build()).deal();
        crm.deals().moveStage(readingRoomDeal.id(), readingRoomDeal.version(), samples.id(), LEO);
        Deal readingRoomQuote = crm.deals().open(DealOpening.builder(readingRoom.id(), "The Reading Room: events",
                LEO, Money.of("300.00", "GBP"), LocalDate.of(2027, 3, 1)).pipeline(wholesale.id()).build()).deal();
        out.printf("Deals: \"%s\" %s; \"%s\" %s (%s); \"%s\" and \"%s\" open%n", beanThere.name(), beanThere.status(),
                lunaReorder.name(), lunaReorder.status(), lunaReorder.lostReason(), readingRoomDeal.name(),
                readingRoomQuote.name());
        out.println();

        PipelineSummary board = crm.deals().summary(wholesale.id());
        printBoard(board);
        List<String> lapsed = printLapsedBuyers();
        List<String> tasksDue = printTasksDue();
        return new Summary(history.recordedCount(), redelivery.duplicateCount(),
                crm.touchpoints().activity(sarah.id()), score, board, lapsed, tasksDue);
    }

    private Lead captureLeads() {
        LeadSource newsletter = LeadSource.of(LeadChannel.NEWSLETTER).campaign("autumn-scents").medium("email");
        crm.leads().capture(LeadCapture.builder(newsletter).name("Anna", "Kowalski")
                .email("anna.kowalski@gmail.com").sourceRef("newsletter", "signup-311").build());
        crm.leads().capture(LeadCapture.builder(newsletter).name("Ben", "Okafor").jobTitle("Office manager")
                .company("Northwind Studio").email("ben@northwind.example").sourceRef("newsletter", "signup-312")
                .build());
        CaptureResult priya = crm.leads().capture(LeadCapture.builder(LeadSource.of(LeadChannel.WEBINAR)
                        .campaign("candle-care-webinar").medium("webinar").content("q-and-a"))
                .name("Priya", "Shah").jobTitle("Owner").company("Bean There").companyDomain("beanthere.example")
                .email("priya@beanthere.example").phone("07700 900789").country("GB")
                .sourceRef("webinar", "attendee-17").capturedAt(at(-12)).build());
        // What Priya did since: three e-mails and six visits to the wholesale page.
        List<NewTouchpoint> activity = new ArrayList<>();
        int[] emailDaysAgo = {1, 3, 10};
        for (int days : emailDaysAgo) {
            activity.add(NewTouchpoint.forLead(priya.lead().id(), Channel.EMAIL, Direction.INBOUND, at(-days))
                    .subject("Wholesale question").source("mail", "priya-" + days).build());
        }
        for (int visit = 0; visit < 6; visit++) {
            activity.add(NewTouchpoint.forLead(priya.lead().id(), Channel.WEB_VISIT, Direction.INBOUND,
                    at(-visit * 2 - 1)).subject("Wholesale price list").source("web", "priya-visit-" + visit).build());
        }
        crm.touchpoints().recordAll(activity);
        return priya.lead();
    }

    private void printTimeline(Customer sarah) {
        out.println("Sarah's timeline, newest first, 5 to a page (the first two pages):");
        Page<Touchpoint> page = crm.touchpoints().timeline(sarah.id(), PageRequest.first(5));
        for (int number = 1; number <= 2; number++) {
            TextTable table = new TextTable("page " + number, "channel", "direction", "what");
            for (Touchpoint t : page.items()) {
                table.row(WHEN.format(t.occurredAt()), t.channel(), t.direction(), t.isPurchase()
                        ? "order " + t.purchase().orderReference() + ", " + t.purchase().amount() : t.subject());
            }
            table.print(out);
            if (page.nextRequest().isEmpty()) {
                break;
            }
            page = crm.touchpoints().timeline(sarah.id(), page.nextRequest().get());
        }
        CustomerActivity activity = crm.touchpoints().activity(sarah.id());
        out.printf("  Sarah in all: %d touchpoints, %d of them purchases, the last on %s%n", activity.totalCount(),
                activity.count(Channel.PURCHASE), WHEN.format(activity.lastPurchaseAt()));
        out.println();
    }

    private void printScore(Lead lead, LeadScore score) {
        out.println("Lead score of " + lead.givenName() + " " + lead.familyName() + " (" + lead.company()
                + "), with every rule's contribution:");
        TextTable table = new TextTable("rule", "points", "because").right(1);
        for (RuleContribution c : score.contributions()) {
            table.row(c.rule(), c.points().toPlainString(), because(c));
        }
        table.row("total", score.total().toPlainString(), "");
        table.print(out);
        out.println();
    }

    /** A fit rule's facts as they are; an engagement rule's as "3 touchpoints: 7.61 + 6.90 + 4.88". */
    private static String because(RuleContribution c) {
        if (c.kind() == RuleContribution.Kind.FIT) {
            return String.join("; ", c.facts());
        }
        return c.facts().size() + " touchpoints: " + c.facts().stream()
                .map(fact -> fact.substring(fact.lastIndexOf(": ") + 2))
                .collect(Collectors.joining(" + "));
    }

    private void printBoard(PipelineSummary board) {
        out.println("The wholesale pipeline board:");
        TextTable table = new TextTable("stage", "deals", "total", "weighted").right(1, 2, 3);
        for (StageSummary stage : board.stages()) {
            table.row(stage.stage().name(), stage.totals().count(), money(stage.totals().byCurrency(), false),
                    money(stage.totals().byCurrency(), true));
        }
        table.print(out);
        out.println();
    }

    private static String money(List<MoneyTotal> totals, boolean weighted) {
        return totals.isEmpty() ? "-" : totals.stream()
                .map(t -> (weighted ? t.weightedAmount() : t.amount()).toString())
                .collect(Collectors.joining(", "));
    }

    private List<String> printLapsedBuyers() {
        out.println("Customers who have not bought for 90 days:");
        TextTable table = new TextTable("customer", "last purchase", "purchases").right(2);
        List<String> names = new ArrayList<>();
        for (CustomerActivity a : crm.touchpoints().lapsedBuyers(NOW.minus(Duration.ofDays(90)), PageRequest.first())
                .items()) {
            String name = crm.customers().get(a.customerId()).displayName();
            names.add(name);
            table.row(name, WHEN.format(a.lastPurchaseAt()), a.count(Channel.PURCHASE));
        }
        table.print(out);
        out.println();
        return names;
    }

    private List<String> printTasksDue() {
        out.println("Tasks due in the next 7 days for leo:");
        TextTable table = new TextTable("due", "task", "deal");
        List<String> subjects = new ArrayList<>();
        for (Task task : crm.tasks().dueBetween(LEO, NOW, NOW.plus(Duration.ofDays(7)), PageRequest.first())
                .items()) {
            subjects.add(task.subject());
            table.row(WHEN.format(task.dueAt()), task.subject(),
                    task.dealId() == null ? "" : crm.deals().get(task.dealId()).name());
        }
        table.print(out);
        return subjects;
    }

    /**
     * A year of history: Sarah orders every couple of weeks and gets a shipping e-mail each time; Tom orders for Café
     * Luna every month until the café stops in July; Oliver bought once last winter.
     */
    private static List<NewTouchpoint> history(Customer sarah, Customer tom, Customer oliver) {
        List<NewTouchpoint> all = new ArrayList<>();
        Random random = new Random(42);
        int number = 1001;
        for (int fortnight = 0; fortnight < 28; fortnight++) {
            Instant placed = at(-387 + fortnight * 14 + random.nextInt(3)).plusSeconds(random.nextInt(36_000));
            all.add(order(sarah, number, placed, BigDecimal.valueOf(1500 + random.nextInt(4000), 2).toPlainString()));
            all.add(NewTouchpoint.builder(sarah.id(), Channel.EMAIL, Direction.OUTBOUND,
                            placed.plus(Duration.ofHours(20)))
                    .subject("Your candles are on their way").source("mail", "shipping-" + number).build());
            number++;
        }
        all.add(NewTouchpoint.builder(sarah.id(), Channel.EMAIL, Direction.INBOUND, at(-3).plusSeconds(34_200))
                .subject("Do you make unscented candles?").source("mail", "inbound-7702").build());
        for (int month = 0; month < 8; month++) {
            Instant placed = at(-330 + month * 30);
            all.add(order(tom, number++, placed, "480.00"));
            for (int visit = 0; visit < 20; visit++) {
                all.add(NewTouchpoint.builder(tom.id(), Channel.WEB_VISIT, Direction.INBOUND,
                                placed.minus(Duration.ofHours(visit + 1L)))
                        .subject("Wholesale catalogue").source("web", "tom-" + month + "-" + visit).build());
            }
        }
        all.add(order(oliver, number, at(-340), "64.00"));
        return all;
    }

    private static NewTouchpoint order(Customer customer, int number, Instant placed, String amount) {
        return NewTouchpoint.builder(customer.id(), Channel.PURCHASE, Direction.INBOUND, placed)
                .purchase(Money.of(amount, "GBP"), Integer.toString(number))
                .source("shop", "order-" + number)
                .build();
    }

    private static Instant at(int days) {
        return NOW.plus(Duration.ofDays(days));
    }

    /** The figures the story prints, for its test. */
    record Summary(int recorded, int duplicates, CustomerActivity sarah, LeadScore score, PipelineSummary board,
                   List<String> lapsedBuyers, List<String> tasksDue) {
    }
}
