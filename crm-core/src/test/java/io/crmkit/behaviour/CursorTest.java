package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.purchase;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Page cursors")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CursorTest {

    final Fixture f = new Fixture();
    final Customer sarah = f.person("Sarah", "Miller");
    final Customer tom = f.person("Tom", "Baker");

    {
        for (int i = 0; i < 6; i++) {
            f.touchpoints().record(email(sarah.id(), f.daysAgo(i + 1)));
            f.touchpoints().record(email(tom.id(), f.daysAgo(i + 1)));
        }
        for (int i = 0; i < 4; i++) {
            f.customers().register(CustomerRegistration.person("Extra", "No. " + i).tag("vip").build());
        }
    }

    String timelineCursor() {
        return f.touchpoints().timeline(sarah.id(), PageRequest.first(2)).nextCursor().orElseThrow();
    }

    String listCursor() {
        return f.customers().list(PageRequest.first(2)).nextCursor().orElseThrow();
    }

    static void refused(ThrowingCallable call) {
        assertThat(violationPaths(call)).containsExactly("cursor");
    }

    @Nested
    class A_cursor_used_for_another_query_is_refused {

        @Test
        void a_timeline_cursor_for_another_customer() {
            String cursor = timelineCursor();

            refused(() -> f.touchpoints().timeline(tom.id(), PageRequest.after(cursor, 2)));
        }

        @Test
        void a_timeline_cursor_with_another_filter() {
            String cursor = timelineCursor();

            refused(() -> f.touchpoints().timeline(sarah.id(), TimelineQuery.of(Channel.EMAIL),
                    PageRequest.after(cursor, 2)));
            refused(() -> f.touchpoints().timeline(sarah.id(), TimelineQuery.ALL.between(f.daysAgo(30), null),
                    PageRequest.after(cursor, 2)));
        }

        @Test
        void a_list_cursor_with_another_query() {
            String cursor = listCursor();

            refused(() -> f.customers().list(CustomerQuery.tagged("vip"), PageRequest.after(cursor, 2)));
            refused(() -> f.customers().list(CustomerQuery.ALL, PageRequest.after(cursor, 2)));
        }

        @Test
        void a_cursor_of_one_kind_of_list_for_another_kind() {
            String timeline = timelineCursor();
            String list = listCursor();

            refused(() -> f.customers().list(PageRequest.after(timeline, 2)));
            refused(() -> f.touchpoints().timeline(sarah.id(), PageRequest.after(list, 2)));
            refused(() -> f.customers().relationships(sarah.id(), PageRequest.after(list, 2)));
            refused(() -> f.touchpoints().lapsedBuyers(f.now(), PageRequest.after(list, 2)));
        }

        @Test
        void a_relationships_cursor_for_another_customer() {
            for (int i = 0; i < 3; i++) {
                Customer other = f.person("Friend", "No. " + i);
                f.customers().relate(sarah.id(), RelationshipType.REFERRED_BY, other.id());
                f.customers().relate(tom.id(), RelationshipType.REFERRED_BY, other.id());
            }
            String cursor = f.customers().relationships(sarah.id(), PageRequest.first(1)).nextCursor().orElseThrow();

            refused(() -> f.customers().relationships(tom.id(), PageRequest.after(cursor, 1)));
        }

        @Test
        void a_lapsed_buyers_cursor_with_another_cutoff() {
            for (int i = 0; i < 3; i++) {
                f.touchpoints().record(purchase(f.person("Buyer", "No. " + i).id(), f.daysAgo(200 + i), "1.00"));
            }
            String cursor = f.touchpoints().lapsedBuyers(f.daysAgo(90), PageRequest.first(1)).nextCursor()
                    .orElseThrow();

            refused(() -> f.touchpoints().lapsedBuyers(f.daysAgo(91), PageRequest.after(cursor, 1)));
        }

        @Test
        void a_cursor_of_another_tenant() {
            Customer a = f.crm.tenant("a").customers().register(CustomerRegistration.person("A", null).build());
            f.crm.tenant("a").customers().register(CustomerRegistration.person("B", null).build());
            f.crm.tenant("b").customers().register(CustomerRegistration.person("C", null).build());
            f.crm.tenant("b").customers().register(CustomerRegistration.person("D", null).build());
            String cursor = f.crm.tenant("a").customers().list(PageRequest.first(1)).nextCursor().orElseThrow();

            refused(() -> f.crm.tenant("b").customers().list(PageRequest.after(cursor, 1)));
            refused(() -> f.customers().list(PageRequest.after(cursor, 1)));
            assertThat(f.crm.tenant("a").customers().list(PageRequest.after(cursor, 1)).items())
                    .extracting(Customer::id).doesNotContain(a.id()).hasSize(1);
        }

        @Test
        void a_cursor_of_another_crm_without_the_same_cursor_secret() {
            String cursor = listCursor();
            Crm withoutSecret = Fixture.builder(f.storage, f.clock, 7).build();
            Crm withOtherSecret = Fixture.builder(f.storage, f.clock, 7)
                    .cursorSecret("another secret of sixteen bytes".getBytes(StandardCharsets.UTF_8)).build();

            refused(() -> withoutSecret.customers().list(PageRequest.after(cursor, 2)));
            refused(() -> withOtherSecret.customers().list(PageRequest.after(cursor, 2)));
        }
    }

    @Nested
    class A_cursor_used_for_the_same_query_again {

        @Test
        void is_accepted_when_the_query_is_equal_however_it_was_built() {
            var built = TimelineQuery.of(Channel.CHAT, Channel.EMAIL).direction(io.crmkit.touchpoint.Direction.INBOUND);
            var constructed = new TimelineQuery(java.util.Set.of(Channel.EMAIL, Channel.CHAT),
                    io.crmkit.touchpoint.Direction.INBOUND, null, null);
            Page<Touchpoint> first = f.touchpoints().timeline(sarah.id(), built, PageRequest.first(2));

            Page<Touchpoint> second = f.touchpoints().timeline(sarah.id(), constructed, first.nextRequest().orElseThrow());

            assertThat(second.items()).hasSize(2).doesNotContainAnyElementsOf(first.items());
        }

        @Test
        void is_accepted_with_another_page_size() {
            String cursor = listCursor();

            assertThat(f.customers().list(PageRequest.after(cursor, 50)).items()).hasSize(4);
        }
    }

    @Nested
    class A_cursor_that_was_tampered_with {

        @Test
        void is_refused_whether_altered_truncated_or_made_up() {
            String cursor = timelineCursor();
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            bytes[3] ^= 1;
            String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

            refused(() -> f.touchpoints().timeline(sarah.id(), PageRequest.after(altered, 2)));
            refused(() -> f.touchpoints().timeline(sarah.id(), PageRequest.after(cursor.substring(0, 10), 2)));
            refused(() -> f.touchpoints().timeline(sarah.id(), PageRequest.after("not a cursor!", 2)));
            refused(() -> f.touchpoints().timeline(sarah.id(), PageRequest.after("AQ", 2)));
        }
    }

    @Nested
    class A_cursor_secret_shared_by_two_crm_instances {

        @Test
        void lets_one_instance_continue_the_paging_of_the_other_on_the_same_storage() {
            Crm first = f.crm;
            Crm second = Fixture.builder(f.storage, f.clock, 7).cursorSecret(Fixture.SECRET.clone()).build();
            List<Touchpoint> expected = first.touchpoints().timeline(sarah.id(), PageRequest.first(100)).items();

            List<Touchpoint> walked = new ArrayList<>();
            PageRequest request = PageRequest.first(2);
            boolean useFirst = true;
            while (request != null) {
                Crm crm = useFirst ? first : second;
                Page<Touchpoint> page = crm.touchpoints().timeline(sarah.id(), request);
                walked.addAll(page.items());
                request = page.nextRequest().orElse(null);
                useFirst = !useFirst;
            }

            assertThat(walked).containsExactlyElementsOf(expected);
            assertThat(expected).hasSize(6);
        }

        @Test
        void keeps_cursors_valid_across_a_restart() {
            String cursor = listCursor();
            f.clock.advance(Duration.ofDays(1));
            Crm restarted = Fixture.builder(f.storage, f.clock, 99).cursorSecret(Fixture.SECRET).build();

            Page<Customer> page = restarted.customers().list(PageRequest.after(cursor, 2));

            assertThat(page.items()).isEqualTo(f.customers().list(PageRequest.after(cursor, 2)).items());
            assertThat(page.items()).hasSize(2);
        }
    }
}
