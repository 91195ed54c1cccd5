package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.LeadFixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lead queries' plans (DESIGN.md §5), on skewed data with fresh statistics: 2,000 leads of a tenant (and 500 of a
 * neighbour), two thirds of them one owner's and four in five CONVERTED; 8,000 touchpoints, half of them one lead's
 * and a quarter one customer's; 300 history entries of one lead. Every selective lead list (all, by a rare status, by
 * an owner, by owner and status), a lead's history and a lead's timeline read a range of their index in its order:
 * no sort, no scan of the table; the look-ups by e-mail and phone read a range of theirs. (For an unselective filter,
 * such as the status most leads have, reading the primary key in order and skipping the few others is as good, and
 * databases may choose it.) A list of several statuses reads one such range per status (at most a page of each).
 */
class LeadQueryPlanTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lead_lists_history_and_timeline_read_their_index_in_order(DatabaseKind kind) throws SQLException {
        TestDatabase db = DATABASES.database(kind);
        JdbcCrmStorage storage = db.builder().batchSize(1000).build();
        TenantId tenant = Fixtures.newTenant();
        TenantId neighbour = Fixtures.newTenant();
        UserId bigOwner = UserId.of("big-owner");
        List<Lead> mine = new ArrayList<>();
        for (TenantId t : List.of(tenant, neighbour)) {
            int count = t.equals(tenant) ? 2000 : 500;
            for (int from = 0; from < count; from += 500) {
                int start = from;
                storage.inTransaction(t, tx -> {
                    for (int i = start; i < start + 500; i++) {
                        Lead lead = planLead(t, i, bigOwner);
                        storage.leads().insert(t, lead);
                        if (t.equals(tenant)) {
                            mine.add(lead);
                        }
                    }
                    return null;
                });
            }
        }
        LeadId bigLead = mine.get(1).id();
        CustomerId bigCustomer = Fixtures.customerId();
        List<Touchpoint> batch = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            Instant at = START.plusSeconds(i * 37L % 86_400_000L);
            Channel channel = Channel.values()[i % 4 == 0 ? 9 : i % 4];
            int r = i % 4;
            batch.add(r < 2 ? LeadFixtures.leadTouchpoint(tenant, bigLead, channel, at, null)
                    : r == 2 ? Fixtures.touchpoint(tenant, bigCustomer, channel, at, null)
                    : LeadFixtures.leadTouchpoint(tenant, mine.get(i % 2000).id(), channel, at, null));
            if (batch.size() == 1000) {
                storage.touchpoints().insertAll(tenant, batch);
                batch.clear();
            }
        }
        storage.inTransaction(tenant, tx -> {
            for (int v = 1; v <= 300; v++) {
                storage.leads().appendHistory(tenant, new LeadStatusChange(bigLead, v, START.plusSeconds(v), bigOwner,
                        LeadStatus.NEW, LeadStatus.WORKING, null));
            }
            return null;
        });
        analyze(db);

        JdbcLeadStore leads = (JdbcLeadStore) storage.leads();
        JdbcTouchpointStore touchpoints = (JdbcTouchpointStore) storage.touchpoints();
        LeadId middle = mine.get(1000).id();
        Touchpoint deep = storage.touchpoints().leadTimeline(tenant, bigLead, TimelineQuery.ALL, null, 2000).items()
                .get(1999);

        expectIndexInOrder(db, "crm_lead_pk", single(leads.listQueries(tenant, LeadQuery.ALL, middle, 10)));
        expectIndexInOrder(db, "crm_lead_status_ix", single(leads.listQueries(tenant,
                LeadQuery.inStatus(LeadStatus.NURTURING), middle, 10)));
        expectIndexInOrder(db, "crm_lead_owner_ix", single(leads.listQueries(tenant,
                LeadQuery.ALL.ownedBy(UserId.of("owner-3")), null, 10)));
        expectIndexInOrder(db, "crm_lead_owner_status_ix", single(leads.listQueries(tenant,
                LeadQuery.inStatus(LeadStatus.NEW).ownedBy(bigOwner), middle, 10)));
        List<Query> open = leads.listQueries(tenant, LeadQuery.OPEN, middle, 10);
        assertThat(open).hasSize(4);
        for (Query range : open) {
            expectIndexInOrder(db, "crm_lead_status_ix", range);
        }
        List<Query> ownersOpen = leads.listQueries(tenant, LeadQuery.OPEN.ownedBy(bigOwner), null, 10);
        assertThat(ownersOpen).hasSize(4);
        for (Query range : ownersOpen) {
            expectIndexInOrder(db, "crm_lead_owner_status_ix", range);
        }
        expectIndexRange(db, "crm_lead_email_ix", leads.findByQuery(tenant, "email_key", "lead_email_ix",
                EmailAddress.parse("shared@example.com").matchKey()));
        expectIndexRange(db, "crm_lead_phone_ix", leads.findByQuery(tenant, "phone_e164", "lead_phone_ix",
                PhoneNumber.ofE164("+442079460958").e164()));
        expectIndexInOrder(db, "crm_lead_status_history_pk", leads.historyQuery(tenant, bigLead, 150, 20));

        String timeline = "crm_touchpoint_lead_timeline_ix";
        expectIndexInOrder(db, timeline, touchpoints.leadTimelineQuery(tenant, bigLead, TimelineQuery.ALL, null, 50));
        expectIndexInOrder(db, timeline, touchpoints.leadTimelineQuery(tenant, bigLead, TimelineQuery.ALL,
                TimelinePosition.of(deep), 50));
        expectIndexInOrder(db, timeline, touchpoints.leadTimelineQuery(tenant, bigLead,
                TimelineQuery.of(Channel.CALL, Channel.CHAT), TimelinePosition.of(deep), 50));
    }

    /**
     * Lead {@code i} of the data set: two thirds of them the big owner's, the others five owners'; four in five
     * CONVERTED, the rest in the four open statuses; a tenth share one e-mail address, a tenth one phone number.
     */
    private static Lead planLead(TenantId tenant, int i, UserId bigOwner) {
        Lead lead = LeadFixtures.minimalLead(tenant, i % 10 == 0 ? "shared@example.com" : "l" + i + "@example.com");
        LeadStatus status = i % 5 == 4 ? LeadStatus.values()[i / 5 % 4] : LeadStatus.CONVERTED;
        Lead.Builder b = lead.toBuilder().owner(i % 3 != 0 ? bigOwner : UserId.of("owner-" + i % 5))
                .phone(i % 10 == 1 ? PhoneNumber.ofE164("+442079460958") : null);
        if (status == LeadStatus.CONVERTED) {
            CustomerId became = Fixtures.customerId();
            b.status(status).customerId(became).conversion(new io.crmkit.lead.LeadConversion(became, true, null,
                    false, null, null, List.of(), 0, START, null));
        } else if (status == LeadStatus.QUALIFIED) {
            b.status(status).qualification(io.crmkit.lead.QualificationLevel.SALES_QUALIFIED)
                    .bant(new io.crmkit.lead.BantChecklist(io.crmkit.lead.BantItem.unknown(),
                            io.crmkit.lead.BantItem.unknown(), io.crmkit.lead.BantItem.unknown(),
                            io.crmkit.lead.BantItem.unknown()));
        } else {
            b.status(status);
        }
        return b.build();
    }

    private static void analyze(TestDatabase db) {
        List<String> tables = List.of("crm_lead", "crm_lead_status_history", "crm_touchpoint");
        switch (db.kind()) {
            case POSTGRESQL:
                tables.forEach(t -> db.execute("ANALYZE " + t));
                break;
            case MARIADB:
                tables.forEach(t -> db.query("ANALYZE TABLE " + t));
                break;
            default:
                db.execute("ANALYZE");
        }
    }

    private static List<String> explain(TestDatabase db, Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = query.prepare(c, "EXPLAIN ");
             ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int k = 1; k <= columns; k++) {
                    String label = rs.getMetaData().getColumnLabel(k);
                    line.append(columns == 1 ? "" : label + "=").append(rs.getString(k)).append(' ');
                }
                plan.add(line.toString());
            }
        }
        return plan;
    }

    /** Checks that {@code query} reads a range of {@code index} in its order: no sort, no scan of the table. */
    private static void expectIndexInOrder(TestDatabase db, String index, Query query) throws SQLException {
        List<String> plan = explain(db, query);
        String text = query.sql() + "\n" + String.join("\n", plan);
        String lower = text.toLowerCase(Locale.ROOT);
        switch (db.kind()) {
            case POSTGRESQL:
                assertThat(lower).as(text).contains("index scan").contains(index)
                        .doesNotContain("seq scan").doesNotContainPattern("(?m)^\\s*(->\\s*)?(incremental )?sort");
                break;
            case MARIADB:
                assertThat(plan.get(0).toLowerCase(Locale.ROOT)).as(text)
                        .contains("key=" + (index.endsWith("_pk") ? "primary" : index) + " ");
                assertThat(lower).as(text).doesNotContain("filesort").doesNotContain("type=all ");
                break;
            default:
                String h2Index = index.endsWith("_pk") ? "primary_key_" : index + ":";
                assertThat(lower).as(text).contains("/* public." + h2Index).contains("/* index sorted */");
        }
    }

    /**
     * Checks that a look-up, which returns every match, reads a range of {@code index} (sorting the matches is
     * allowed).
     */
    private static void expectIndexRange(TestDatabase db, String index, Query query) throws SQLException {
        List<String> plan = explain(db, query);
        String text = query.sql() + "\n" + String.join("\n", plan);
        String lower = text.toLowerCase(Locale.ROOT);
        switch (db.kind()) {
            case POSTGRESQL:
                assertThat(lower).as(text).contains("index").contains(index).doesNotContain("seq scan");
                break;
            case MARIADB:
                assertThat(plan.get(0).toLowerCase(Locale.ROOT)).as(text).contains("key=" + index + " ")
                        .doesNotContain("type=all ");
                break;
            default:
                assertThat(lower).as(text).contains("/* public." + index + ":");
        }
    }

    private static Query single(List<Query> queries) {
        assertThat(queries).hasSize(1);
        return queries.get(0);
    }
}
