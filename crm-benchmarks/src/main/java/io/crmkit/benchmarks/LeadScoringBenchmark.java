package io.crmkit.benchmarks;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.benchmarks.support.CrmkitSetup;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.lead.Condition;
import io.crmkit.lead.EngagementRule;
import io.crmkit.lead.FitRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadScore;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.ScoringModel;
import io.crmkit.shared.AttributeValue;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 5, lead scoring: {@code leads} leads captured through crmkit's public API (in memory), each with 100
 * touchpoints over the last 180 days (e-mails, web visits, form submissions, meetings, calls, chats, support
 * requests), scored in turn with a model of 20 rules (10 fit rules over the lead's facts, 10 engagement rules with
 * half-life decay and caps; {@link #model()}):
 * <ul>
 *   <li>{@link #score}: the pure function {@code ScoringModel.score(lead, customer, touchpoints, at)}, with every
 *       rule's contribution and its facts, as a host calls it on data it already holds;</li>
 *   <li>{@link #scoreThroughApi}: {@code Leads.score(lead)}, which also reads the lead and its touchpoints from the
 *       (in-memory) storage and stores the score when it changed.</li>
 * </ul>
 * Reported: scores per second of one thread, and the bytes allocated per score.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LeadScoringBenchmark {

    /** What the scenario measures, for the report. */
    static final String DESCRIPTION = "Lead scoring: scores per second of one thread with a model of 10 fit rules and"
            + " 10 engagement rules (half-life decay, caps), leads with 100 touchpoints each over 180 days. `score`:"
            + " the pure `ScoringModel.score(lead, null, touchpoints, at)` on data in hand; `Leads.score`: the public"
            + " API on the in-memory storage (reads the lead and its touchpoints, stores a changed score).";

    static final long SEED = 20261126L;

    /** The leads and their touchpoints. */
    @State(Scope.Benchmark)
    public static class Leads {
        @Param({"1000"})
        public int leads;

        TenantScope shop;
        ScoringModel model;
        Lead[] all;
        List<List<Touchpoint>> touchpoints;
        Instant at;
        int next;

        @Setup(Level.Trial)
        public void load() {
            model = model();
            Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).defaultRegion("GB")
                    .leadSettings(LeadSettings.defaults().withScoring(model)).build();
            shop = CrmkitSetup.tenant(crm);
            SplittableRandom random = new SplittableRandom(SEED);
            at = Instant.now();
            all = new Lead[leads];
            touchpoints = new ArrayList<>(leads);
            for (int i = 0; i < leads; i++) {
                all[i] = shop.leads().capture(capture(i, random)).lead();
                List<NewTouchpoint> batch = new ArrayList<>(100);
                for (int k = 0; k < 100; k++) {
                    batch.add(touchpoint(all[i], i, k, random));
                }
                List<Touchpoint> recorded = new ArrayList<>(100);
                for (RecordResult r : shop.touchpoints().recordAll(batch).results()) {
                    recorded.add(r.touchpoint());
                }
                touchpoints.add(recorded);
            }
        }

        int nextLead() {
            int i = next;
            next = i + 1 == all.length ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public LeadScore score(Leads s) {
        int i = s.nextLead();
        return s.model.score(s.all[i], null, s.touchpoints.get(i), s.at);
    }

    @Benchmark
    public LeadScore scoreThroughApi(Leads s) {
        return s.shop.leads().score(s.all[s.nextLead()].id());
    }

    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "yahoo.com", "hotmail.com", "outlook.com");

    /** The 20-rule model: 10 fit rules, 10 engagement rules. */
    static ScoringModel model() {
        List<FitRule> fit = List.of(
                new FitRule("director", Condition.contains("jobTitle", "director"), 15),
                new FitRule("manager", Condition.contains("jobTitle", "manager"), 8),
                new FitRule("home market", Condition.in("country", Set.of("GB", "IE")), 10),
                new FitRule("DACH", Condition.in("country", Set.of("DE", "AT", "CH")), 6),
                new FitRule("free mail", Condition.emailDomainIn(FREE_MAIL), -5),
                new FitRule("company domain", Condition.exists("companyDomain"), 5),
                new FitRule("webinar lead", Condition.sourceIs(LeadChannel.WEBINAR), 7),
                new FitRule("paid campaign", Condition.equalTo("medium", "cpc"), 4),
                new FitRule("large company", Condition.in("attribute.size", Set.of("201-1000", "1000+")), 12),
                new FitRule("retail business", Condition.and(Condition.equalTo("attribute.industry", "retail"),
                        Condition.not(Condition.emailDomainIn(FREE_MAIL))), 6));
        List<EngagementRule> engagement = List.of(
                new EngagementRule("inbound e-mails", Set.of(Channel.EMAIL), Condition.equalTo("direction", "INBOUND"),
                        5, Duration.ofDays(14), 40),
                new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 1, Duration.ofDays(30), 10),
                new EngagementRule("web visits", Set.of(Channel.WEB_VISIT), null, 2, Duration.ofDays(7), 30),
                new EngagementRule("pricing page", Set.of(Channel.WEB_VISIT), Condition.contains("subject", "pricing"),
                        8, Duration.ofDays(14), 40),
                new EngagementRule("forms", Set.of(Channel.FORM_SUBMISSION), null, 10, Duration.ofDays(30), 50),
                new EngagementRule("meetings", Set.of(Channel.MEETING), null, 20, Duration.ofDays(60), 60),
                new EngagementRule("webinar attended", Set.of(Channel.MEETING),
                        Condition.equalTo("attribute.kind", "webinar"), 15, Duration.ofDays(30), 45),
                new EngagementRule("calls", Set.of(Channel.CALL), null, 6, Duration.ofDays(30), 30),
                new EngagementRule("chats", Set.of(Channel.CHAT), null, 3, Duration.ofDays(14), 15),
                new EngagementRule("support requests", Set.of(Channel.SUPPORT_REQUEST), null, -2,
                        Duration.ofDays(30), 20));
        return ScoringModel.of(fit, engagement);
    }

    private static final String[] TITLES = {"Purchasing Director", "Shop Manager", "Owner", "Buyer", "Head of Retail"};
    private static final String[] COUNTRIES = {"GB", "IE", "DE", "AT", "FR", "NL", "US"};
    private static final String[] SIZES = {"1-10", "11-50", "51-200", "201-1000", "1000+"};
    private static final String[] INDUSTRIES = {"retail", "hospitality", "wholesale", "events"};
    private static final LeadChannel[] CHANNELS = {LeadChannel.WEB_FORM, LeadChannel.NEWSLETTER, LeadChannel.WEBINAR,
        LeadChannel.AD, LeadChannel.REFERRAL};

    private static LeadCapture capture(int i, SplittableRandom random) {
        boolean freeMail = random.nextInt(4) == 0;
        return LeadCapture.builder(LeadSource.of(CHANNELS[i % CHANNELS.length]).campaign("spring-" + (i % 7))
                        .medium(i % 3 == 0 ? "cpc" : "email"))
                .name("Given" + i, "Family" + i)
                .jobTitle(TITLES[random.nextInt(TITLES.length)])
                .company("Company " + i)
                .companyDomain(freeMail ? null : "company" + i + ".example")
                .country(COUNTRIES[random.nextInt(COUNTRIES.length)])
                .email("lead" + i + "@" + (freeMail ? "gmail.com" : "company" + i + ".example"))
                .attribute("size", AttributeValue.text(SIZES[random.nextInt(SIZES.length)]))
                .attribute("industry", AttributeValue.text(INDUSTRIES[random.nextInt(INDUSTRIES.length)]))
                .sourceRef("forms", "lead-" + i)
                .build();
    }

    private static NewTouchpoint touchpoint(Lead lead, int i, int k, SplittableRandom random) {
        Instant occurred = Instant.now().minusSeconds(60 + random.nextLong(180L * 24 * 3600));
        int pick = random.nextInt(100);
        Channel channel;
        String subject;
        if (pick < 30) {
            channel = Channel.EMAIL;
            subject = "Re: your quote " + k;
        } else if (pick < 65) {
            channel = Channel.WEB_VISIT;
            subject = random.nextInt(5) == 0 ? "Visited /pricing" : "Visited /candles/" + k;
        } else if (pick < 72) {
            channel = Channel.FORM_SUBMISSION;
            subject = "Sample request";
        } else if (pick < 78) {
            channel = Channel.MEETING;
            subject = "Product demo";
        } else if (pick < 86) {
            channel = Channel.CALL;
            subject = "Call back";
        } else if (pick < 94) {
            channel = Channel.CHAT;
            subject = "Chat on the website";
        } else {
            channel = Channel.SUPPORT_REQUEST;
            subject = "Question about delivery";
        }
        NewTouchpoint.Builder builder = NewTouchpoint.forLead(lead.id(), channel,
                        channel == Channel.EMAIL && (k & 1) == 1 ? Direction.OUTBOUND : Direction.INBOUND, occurred)
                .subject(subject)
                .source("marketing", "lead-" + i + "-" + k);
        if (channel == Channel.MEETING && random.nextBoolean()) {
            builder.attribute("kind", AttributeValue.text("webinar"));
        }
        return builder.build();
    }
}
