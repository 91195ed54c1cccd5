package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.LeadFixtures;
import io.crmkit.lead.Attribution;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadConversion;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.testkit.generators.Tries;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same random leads, status histories, source claims, sequences, lead touchpoints, moves and organisations,
 * stored in the in-memory reference adapter and in a database: every answer, page by page, is the same. Ids are
 * random UUIDs (half of them with the top bit set, where signed and unsigned order differ), e-mail addresses, phone
 * numbers, owners, sources and instants collide often, so that every look-up, filter and tie-break is exercised.
 */
class LeadDifferentialTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Instant[] INSTANTS = {Instant.parse("2023-01-01T00:00:00Z"),
        Instant.parse("2023-06-01T12:00:00.000001Z"), Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00.000002Z"), Instant.parse("2025-03-04T05:06:07.890123Z")};
    private static final List<UserId> OWNERS = List.of(UserId.of("ann"), UserId.of("ben"), UserId.of("Ann"));
    private static final List<String> EMAILS = List.of("sam@example.com", "SAM@Example.com", "kim@example.com");
    private static final List<PhoneNumber> PHONES = List.of(PhoneNumber.ofE164("+442079460958"),
        new PhoneNumber("+442079460958", "7"), PhoneNumber.ofE164("+4915112345678"));
    private static final List<String> NAMES = List.of("Café Luna", "CAFÉ LUNA", "café luna ", "Luna", "İstanbul Çay",
        "istanbul çay");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_lead_query_answers_as_the_reference_adapter_does(DatabaseKind kind) {
        CrmStorage db = DATABASES.storage(kind);
        Tries.check(2, random -> compare(db, new InMemoryCrmStorage(), Fixtures.newTenant(), random));
    }

    private static void compare(CrmStorage db, CrmStorage ref, TenantId tenant, Random random) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Lead lead = randomLead(tenant, new LeadId(new UUID(random.nextLong(), random.nextLong())), random, 1);
            leads.add(lead);
            db.leads().insert(tenant, lead);
            ref.leads().insert(tenant, lead);
        }
        for (int i = 0; i < 15; i++) {
            Lead before = leads.get(random.nextInt(leads.size()));
            Lead after = randomLead(tenant, before.id(), random, before.version() + 1);
            leads.set(leads.indexOf(before), after);
            db.leads().update(tenant, after);
            ref.leads().update(tenant, after);
        }
        for (int i = 0; i < 30; i++) {
            Lead lead = leads.get(random.nextInt(6));
            SourceRef key = SourceRef.of("forms", "k" + random.nextInt(10));
            assertThat(db.leads().claimSource(tenant, key, lead.id())).as("claim " + key)
                    .isEqualTo(ref.leads().claimSource(tenant, key, lead.id()));
            String sequence = "round-robin:" + random.nextInt(3);
            assertThat(db.leads().nextInSequence(tenant, sequence))
                    .isEqualTo(ref.leads().nextInSequence(tenant, sequence));
            LeadStatusChange change = new LeadStatusChange(lead.id(), 1 + random.nextInt(1000), pick(random, INSTANTS),
                    random.nextBoolean() ? null : pick(random, OWNERS), random.nextBoolean() ? null : LeadStatus.NEW,
                    LeadStatus.WORKING, random.nextBoolean() ? null : "note " + i);
            if (ref.leads().history(tenant, lead.id(), change.version() - 1, 1).items().stream()
                    .noneMatch(c -> c.version() == change.version())) {
                db.leads().appendHistory(tenant, change);
                ref.leads().appendHistory(tenant, change);
            }
        }

        List<LeadQuery> queries = new ArrayList<>(List.of(LeadQuery.ALL, LeadQuery.OPEN,
                LeadQuery.inStatus(LeadStatus.NEW, LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED)));
        for (LeadStatus status : LeadStatus.values()) {
            queries.add(LeadQuery.inStatus(status));
        }
        for (UserId owner : OWNERS) {
            queries.add(LeadQuery.ALL.ownedBy(owner));
            queries.add(LeadQuery.OPEN.ownedBy(owner));
            queries.add(LeadQuery.inStatus(LeadStatus.WORKING).ownedBy(owner));
        }
        for (LeadQuery query : queries) {
            for (int size : new int[] {1, 3, 50}) {
                assertThat(allLeads(db, tenant, query, size)).as(query + " by " + size)
                        .isEqualTo(allLeads(ref, tenant, query, size));
            }
        }
        for (String email : EMAILS) {
            assertThat(db.leads().findByEmail(tenant, EmailAddress.parse(email)))
                    .isEqualTo(ref.leads().findByEmail(tenant, EmailAddress.parse(email)));
        }
        for (PhoneNumber phone : PHONES) {
            assertThat(db.leads().findByPhone(tenant, phone)).isEqualTo(ref.leads().findByPhone(tenant, phone));
        }
        for (Lead lead : leads.subList(0, 6)) {
            for (long after : new long[] {0, 10, 500}) {
                assertThat(db.leads().history(tenant, lead.id(), after, 3))
                        .isEqualTo(ref.leads().history(tenant, lead.id(), after, 3));
            }
            assertThat(db.leads().find(tenant, lead.id())).isEqualTo(ref.leads().find(tenant, lead.id()));
        }

        touchpointsAndMoves(db, ref, tenant, leads, random);
        organisations(db, ref, tenant, random);
    }

    private static void touchpointsAndMoves(CrmStorage db, CrmStorage ref, TenantId tenant, List<Lead> leads,
                                            Random random) {
        List<CustomerId> customers = List.of(new CustomerId(new UUID(random.nextLong(), random.nextLong())),
                new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        for (int batch = 0; batch < 4; batch++) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Channel channel = Channel.values()[random.nextInt(4) == 0 ? 9 : random.nextInt(4)];
                String source = random.nextInt(3) == 0 ? null : "s" + random.nextInt(120);
                TouchpointId id = new TouchpointId(new UUID(random.nextLong(), random.nextLong()));
                Instant at = pick(random, INSTANTS);
                touchpoints.add(random.nextInt(4) == 0
                        ? Fixtures.touchpoint(tenant, customers.get(random.nextInt(2)), channel, at, source, id)
                        : LeadFixtures.leadTouchpoint(tenant, leads.get(random.nextInt(5)).id(), channel, at, source,
                        id));
            }
            assertThat(db.touchpoints().insertAll(tenant, touchpoints))
                    .isEqualTo(ref.touchpoints().insertAll(tenant, touchpoints));
        }
        List<TimelineQuery> queries = List.of(TimelineQuery.ALL, TimelineQuery.of(Channel.PURCHASE),
                TimelineQuery.of(Channel.EMAIL, Channel.CHAT).direction(Direction.INBOUND),
                TimelineQuery.ALL.between(INSTANTS[1], INSTANTS[3]),
                TimelineQuery.ALL.between(INSTANTS[1].plusNanos(1), INSTANTS[3].plusNanos(999)),
                new TimelineQuery(EnumSet.of(Channel.CALL, Channel.PURCHASE), Direction.OUTBOUND, INSTANTS[0], null));
        for (Lead lead : leads.subList(0, 5)) {
            for (TimelineQuery query : queries) {
                for (int size : new int[] {1, 7, 500}) {
                    assertThat(leadTimeline(db, tenant, lead.id(), query, size)).as(query + " by " + size)
                            .isEqualTo(leadTimeline(ref, tenant, lead.id(), query, size));
                }
            }
        }
        // three leads move into the two customers (one of them twice), one into a customer without touchpoints
        CustomerId fresh = new CustomerId(new UUID(random.nextLong(), random.nextLong()));
        List<CustomerId> targets = List.of(customers.get(0), customers.get(1), customers.get(0), fresh);
        for (int i = 0; i < 4; i++) {
            LeadId lead = leads.get(i).id();
            CustomerId target = targets.get(i);
            long moved = db.inTransaction(tenant, tx -> db.touchpoints().moveLeadTouchpoints(tenant, lead, target));
            assertThat(moved).isEqualTo(ref.touchpoints().moveLeadTouchpoints(tenant, lead, target));
            assertThat(leadTimeline(db, tenant, lead, TimelineQuery.ALL, 100)).isEmpty();
        }
        for (CustomerId customer : List.of(customers.get(0), customers.get(1), fresh)) {
            assertThat(db.touchpoints().activity(tenant, customer))
                    .isEqualTo(ref.touchpoints().activity(tenant, customer));
            for (TimelineQuery query : queries) {
                for (int size : new int[] {1, 500}) {
                    assertThat(timeline(db, tenant, customer, query, size))
                            .isEqualTo(timeline(ref, tenant, customer, query, size));
                }
            }
        }
        assertThat(leadTimeline(db, tenant, leads.get(4).id(), TimelineQuery.ALL, 3))
                .isEqualTo(leadTimeline(ref, tenant, leads.get(4).id(), TimelineQuery.ALL, 3));
        for (Instant cutoff : INSTANTS) {
            assertThat(lapsed(db, tenant, cutoff.plusNanos(1000), 1))
                    .isEqualTo(lapsed(ref, tenant, cutoff.plusNanos(1000), 1));
        }
    }

    private static void organisations(CrmStorage db, CrmStorage ref, TenantId tenant, Random random) {
        for (int i = 0; i < 12; i++) {
            String name = pick(random, NAMES);
            String domain = random.nextBoolean() ? null : "d" + random.nextInt(3) + ".example";
            Customer organisation = Customer.builder().id(new CustomerId(new UUID(random.nextLong(),
                    random.nextLong()))).tenantId(tenant).organisation(new OrganisationProfile(name, domain, null,
                    null)).createdAt(INSTANTS[0]).updatedAt(INSTANTS[0])
                    .archivedAt(random.nextInt(5) == 0 ? INSTANTS[1] : null).build();
            db.customers().insert(tenant, organisation);
            ref.customers().insert(tenant, organisation);
        }
        Customer person = Fixtures.person(tenant, "Café Luna");
        db.customers().insert(tenant, person);
        ref.customers().insert(tenant, person);
        for (String name : List.of("café luna", " Café Luna", "LUNA", "Lun", "İSTANBUL ÇAY", "istanbul çay")) {
            for (String domain : new String[] {null, "D1.example", "d2.example "}) {
                assertThat(db.customers().findOrganisations(tenant, domain, name)).as(domain + " / " + name)
                        .isEqualTo(ref.customers().findOrganisations(tenant, domain, name));
            }
        }
    }

    /** A lead that keeps every invariant, in a random status with a random owner, e-mail and phone. */
    private static Lead randomLead(TenantId tenant, LeadId id, Random random, long version) {
        Attribution touch = new Attribution(LeadSource.of(LeadChannel.values()[random.nextInt(8)])
                .campaign(random.nextBoolean() ? null : "c" + random.nextInt(3)), pick(random, INSTANTS));
        LeadStatus status = LeadStatus.values()[random.nextInt(LeadStatus.values().length)];
        EmailAddress email = random.nextInt(4) == 0 ? null : EmailAddress.parse(pick(random, EMAILS));
        PhoneNumber phone = random.nextInt(3) == 0 ? null : pick(random, PHONES);
        boolean named = (email == null && phone == null) || random.nextBoolean();
        Lead.Builder b = Lead.builder().id(id).tenantId(tenant).version(version).givenName(named ? "Sam" : null)
                .email(email).phone(phone).owner(random.nextInt(4) == 0 ? null : pick(random, OWNERS))
                .firstTouch(touch).lastTouch(touch).status(status).createdAt(INSTANTS[0]).updatedAt(INSTANTS[4]);
        if (status == LeadStatus.DISQUALIFIED) {
            b.disqualificationReason("spam");
        }
        if (status == LeadStatus.QUALIFIED || status == LeadStatus.CONVERTED) {
            b.qualification(QualificationLevel.SALES_QUALIFIED).bant(new BantChecklist(BantItem.confirmed(null),
                    BantItem.unknown(), BantItem.unknown(), BantItem.unknown()));
        }
        if (status == LeadStatus.CONVERTED) {
            CustomerId became = new CustomerId(new UUID(random.nextLong(), random.nextLong()));
            b.customerId(became).conversion(new LeadConversion(became, random.nextBoolean(), null, false, null, null,
                    List.of("givenName"), random.nextInt(5), INSTANTS[4], null));
        }
        return b.build();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Lead> allLeads(CrmStorage s, TenantId tenant, LeadQuery query, int size) {
        List<Lead> all = new ArrayList<>();
        LeadId after = null;
        while (true) {
            Slice<Lead> slice = s.leads().list(tenant, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }

    private static List<Touchpoint> leadTimeline(CrmStorage s, TenantId tenant, LeadId lead, TimelineQuery query,
                                                 int size) {
        List<Touchpoint> all = new ArrayList<>();
        TimelinePosition after = null;
        while (true) {
            Slice<Touchpoint> slice = s.touchpoints().leadTimeline(tenant, lead, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = TimelinePosition.of(slice.items().get(slice.items().size() - 1));
        }
    }

    private static List<Touchpoint> timeline(CrmStorage s, TenantId tenant, CustomerId customer, TimelineQuery query,
                                             int size) {
        List<Touchpoint> all = new ArrayList<>();
        TimelinePosition after = null;
        while (true) {
            Slice<Touchpoint> slice = s.touchpoints().timeline(tenant, customer, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = TimelinePosition.of(slice.items().get(slice.items().size() - 1));
        }
    }

    private static List<CustomerActivity> lapsed(CrmStorage s, TenantId tenant, Instant cutoff, int size) {
        List<CustomerActivity> all = new ArrayList<>();
        LapsedPosition after = null;
        while (true) {
            Slice<CustomerActivity> slice = s.touchpoints().lapsedBuyers(tenant, cutoff, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            CustomerActivity last = slice.items().get(slice.items().size() - 1);
            after = new LapsedPosition(last.lastPurchaseAt(), last.customerId());
        }
    }
}
