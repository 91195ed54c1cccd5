package io.crmkit.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Ids;
import io.crmkit.shared.Money;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrmGeneratorsTest {

    private static final TenantId TENANT = TenantId.of("generators");
    private static final int SAMPLES = 400;

    private static <T> List<T> sample(Gen<T> gen, long seed) {
        Random random = new Random(seed);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            values.add(gen.next(random));
        }
        return values;
    }

    @Test
    void the_same_seed_makes_the_same_customers_and_touchpoints() {
        assertThat(sample(CrmGenerators.customers(TENANT), 7)).isEqualTo(sample(CrmGenerators.customers(TENANT), 7));
        Gen<Touchpoint> touchpoints = CrmGenerators.customerIds()
                .flatMap(id -> CrmGenerators.touchpoints(TENANT, id));
        assertThat(sample(touchpoints, 7)).isEqualTo(sample(touchpoints, 7));
        assertThat(sample(CrmGenerators.customers(TENANT), 8)).isNotEqualTo(sample(CrmGenerators.customers(TENANT), 7));
    }

    @Test
    void customers_are_persons_and_organisations_of_the_tenant_with_every_kind_of_attribute() {
        List<Customer> customers = sample(CrmGenerators.customers(TENANT), 1);

        assertThat(customers).allMatch(c -> c.tenantId().equals(TENANT) && c.version() == 1);
        assertThat(customers).extracting(Customer::kind).contains(CustomerKind.PERSON, CustomerKind.ORGANISATION);
        Set<AttributeValue.AttributeType> types = EnumSet.noneOf(AttributeValue.AttributeType.class);
        customers.forEach(c -> c.attributes().values().forEach(v -> types.add(v.type())));
        assertThat(types).containsExactlyInAnyOrder(AttributeValue.AttributeType.values());
        assertThat(customers).anyMatch(c -> c.isArchived()).anyMatch(c -> !c.emails().isEmpty())
                .anyMatch(c -> !c.phones().isEmpty()).anyMatch(c -> !c.importantDates().isEmpty())
                .anyMatch(c -> c.owner() != null).anyMatch(c -> c.tags().contains("VIP"));
    }

    @Test
    void the_next_version_keeps_id_tenant_and_creation_and_counts_up() {
        Random random = new Random(3);
        for (Customer customer : sample(CrmGenerators.customers(TENANT), 2)) {
            Customer next = CrmGenerators.nextVersionOf(customer).next(random);
            assertThat(next.id()).isEqualTo(customer.id());
            assertThat(next.tenantId()).isEqualTo(customer.tenantId());
            assertThat(next.createdAt()).isEqualTo(customer.createdAt());
            assertThat(next.version()).isEqualTo(customer.version() + 1);
        }
    }

    @Test
    void touchpoints_cover_every_channel_and_only_purchases_have_an_amount() {
        Gen<Touchpoint> touchpoints = CrmGenerators.customerIds().flatMap(id -> CrmGenerators.touchpoints(TENANT, id));
        List<Touchpoint> sample = sample(touchpoints, 4);

        assertThat(sample).extracting(Touchpoint::channel).containsAll(EnumSet.allOf(Channel.class));
        assertThat(sample).allMatch(t -> t.isPurchase() == (t.channel() == Channel.PURCHASE));
        assertThat(sample).anyMatch(t -> t.source() != null).anyMatch(t -> t.source() == null);
    }

    @Test
    void amounts_come_in_currencies_of_zero_two_and_three_decimals_and_of_both_signs() {
        List<Money> amounts = sample(CrmGenerators.money(), 5);

        assertThat(amounts).extracting(m -> m.currency().getDefaultFractionDigits()).contains(0, 2, 3);
        assertThat(amounts).anyMatch(Money::isNegative).anyMatch(Money::isZero)
                .allMatch(m -> m.amount().precision() - m.amount().scale() <= 15);
    }

    @Test
    void instants_have_microseconds_and_stay_in_the_range_crmkit_stores_reaching_both_ends() {
        List<Instant> instants = sample(CrmGenerators.instants(), 6);

        assertThat(instants).allMatch(i -> i.getNano() % 1000 == 0)
                .allMatch(i -> !i.isBefore(Timestamps.MIN) && !i.isAfter(Timestamps.MAX))
                .anyMatch(i -> i.isBefore(Timestamps.MIN.plusSeconds(1)))
                .anyMatch(i -> i.isAfter(Timestamps.MAX.minusSeconds(1)));
    }

    @Test
    void ids_include_some_whose_signed_and_unsigned_orders_differ() {
        List<UUID> ids = sample(CrmGenerators.uuids(), 7);

        assertThat(ids).anyMatch(id -> id.getMostSignificantBits() < 0).anyMatch(id -> id.getMostSignificantBits() >= 0);
        UUID negative = ids.stream().filter(id -> id.getMostSignificantBits() < 0).findFirst().orElseThrow();
        UUID positive = ids.stream().filter(id -> id.getMostSignificantBits() >= 0).findFirst().orElseThrow();
        assertThat(Integer.signum(Ids.compare(negative, positive)))
                .isEqualTo(-Integer.signum(negative.compareTo(positive)));
    }

    @Test
    void texts_respect_their_length_and_hold_no_nul_control_characters_or_unpaired_surrogates() {
        List<String> texts = new ArrayList<>(sample(CrmGenerators.texts(50), 8));
        texts.addAll(sample(CrmGenerators.words(30), 9));

        assertThat(texts.subList(0, SAMPLES)).allMatch(t -> t.length() <= 50);
        assertThat(texts.subList(SAMPLES, texts.size())).allMatch(t -> !t.isBlank() && t.length() <= 30);
        assertThat(texts).allMatch(CrmGeneratorsTest::storable, "storable text")
                .anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint))
                .anyMatch(t -> t.contains("'") || t.contains("\\") || t.contains("%"));
    }

    @Test
    void attribute_texts_and_source_ids_are_storable_too() {
        Stream<String> attributeTexts = sample(CrmGenerators.attributeValues(), 10).stream()
                .filter(v -> v instanceof AttributeValue.Text).map(AttributeValue::asText);
        Stream<String> externalIds = sample(CrmGenerators.sourceRefs(), 11).stream().map(s -> s.externalId());

        assertThat(Stream.concat(attributeTexts, externalIds)).allMatch(CrmGeneratorsTest::storable);
    }

    @Test
    void list_map_and_or_null_compose() {
        Random random = new Random(12);
        Gen<List<Integer>> lists = Gen.ints(1, 3).list(2, 4);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            List<Integer> list = lists.next(random);
            sizes.add(list.size());
            assertThat(list).allMatch(n -> n >= 1 && n <= 3);
        }
        assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(sample(Gen.constant("x").orNull(0.5), 13)).contains("x").containsNull();
        assertThat(sample(Gen.ints(0, 9).map(n -> n * 10), 14)).allMatch(n -> n % 10 == 0 && n <= 90);
    }

    /** What every target database stores in a text column: no U+0000, no other control but tab and new line. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
