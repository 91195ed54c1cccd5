package io.crmkit.testkit.generators;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.PostalAddress;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random values of every domain type a storage adapter stores, for property tests of adapters: every value is
 * valid (it passes the domain's own checks) and the values lean towards what breaks storage: text in every script
 * with quotes, backslashes and SQL wildcards, texts at their maximum length, the extreme integers and decimals,
 * amounts in currencies of 0, 2 and 3 decimals, instants to the microsecond from 1900 to 9999, ids whose signed and
 * unsigned orders differ, keys and tags that differ only in case.
 *
 * <p>What it does not make, because crmkit's domain allows it but not every target database stores it (see the
 * kit's README): the character U+0000, unpaired surrogates, dates outside 1900–9999, amounts of more than 15
 * integer digits.
 *
 * <pre>{@code
 * Random random = new Random(42);
 * Customer customer = CrmGenerators.customers(tenant).next(random);
 * Touchpoint touchpoint = CrmGenerators.touchpoints(tenant, customer.id()).next(random);
 * }</pre>
 */
public final class CrmGenerators {

    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    /** Characters that databases, SQL and JSON treat specially. */
    private static final String AWKWARD = "'\"\\%_;`$[]{}<>&|*?#@!^~=+-/:.,()";
    private static final int[] NON_ASCII = {
            'é', 'ü', 'ß', 'Ł', 'ø', 'ñ', 'Ω', 'Ж', 'щ', 'ع', 'ש', 'क', '中', '文', 'あ', '한', '€', '£', '¥', '—',
            '«', '»', '\u00a0', 0x1F389, 0x1F600, 0x1F44D, 0x1D11E, 0x20000};

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "KRW", "BHD", "KWD");

    private CrmGenerators() {
    }

    // ------------------------------------------------------------------------------------------------ basics

    /** Tenant ids, short and long, of every allowed character. */
    public static Gen<TenantId> tenantIds() {
        return random -> {
            String first = random.nextBoolean() ? "t" : String.valueOf(DIGITS.charAt(random.nextInt(10)));
            String rest = chars(random, ASCII_LETTERS + DIGITS + "._:-", random.nextInt(40));
            return TenantId.of(first + rest);
        };
    }

    /**
     * UUIDs: time-ordered version 7 ids, random version 4 ids, and ids near the extremes (all zeros, all ones, the
     * sign bits set or not) whose signed and unsigned orders differ. Ids near the extremes are few, so a generator
     * of several ids that must differ checks that they do.
     */
    public static Gen<UUID> uuids() {
        return random -> {
            int kind = random.nextInt(10);
            if (kind == 0) {
                long[] extremes = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE};
                return new UUID(extremes[random.nextInt(4)] ^ random.nextInt(16),
                        extremes[random.nextInt(4)] ^ random.nextInt(1 << 20));
            }
            if (kind < 5) {
                long millis = Math.floorMod(random.nextLong(), 1L << 48);
                long high = millis << 16 | 0x7000L | random.nextInt(1 << 12);
                long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
                return new UUID(high, low);
            }
            return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
        };
    }

    public static Gen<CustomerId> customerIds() {
        return uuids().map(CustomerId::new);
    }

    public static Gen<TouchpointId> touchpointIds() {
        return uuids().map(TouchpointId::new);
    }

    public static Gen<RelationshipId> relationshipIds() {
        return uuids().map(RelationshipId::new);
    }

    public static Gen<DealId> dealIds() {
        return uuids().map(DealId::new);
    }

    /**
     * Instants to the microsecond, mostly in recent years and sometimes at the ends of the range crmkit stores
     * ({@link Timestamps#MIN}, {@link Timestamps#MAX}).
     */
    public static Gen<Instant> instants() {
        Instant recentFrom = Instant.parse("1990-01-01T00:00:00Z");
        Instant recentTo = Instant.parse("2040-01-01T00:00:00Z");
        return random -> {
            int kind = random.nextInt(20);
            if (kind == 0) {
                return Timestamps.MIN.plus(random.nextInt(1000), ChronoUnit.MICROS);
            }
            if (kind == 1) {
                return Timestamps.MAX.minus(random.nextInt(1000), ChronoUnit.MICROS);
            }
            if (kind < 4) {
                return instantsBetween(Timestamps.MIN, Timestamps.MAX).next(random);
            }
            return instantsBetween(recentFrom, recentTo).next(random);
        };
    }

    /** Instants to the microsecond in {@code [from, to]}. */
    public static Gen<Instant> instantsBetween(Instant from, Instant to) {
        long fromMicros = micros(from);
        long span = micros(to) - fromMicros;
        return random -> {
            long micros = fromMicros + Math.floorMod(random.nextLong(), span + 1);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        };
    }

    /** Microseconds since the epoch ({@link ChronoUnit#between} overflows: it counts in nanoseconds). */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /** Dates from 1900 to 9999, often near the ends and on leap days. */
    public static Gen<LocalDate> dates() {
        long min = LocalDate.of(1900, 1, 1).toEpochDay();
        long max = LocalDate.of(9999, 12, 31).toEpochDay();
        return random -> switch (random.nextInt(8)) {
            case 0 -> LocalDate.of(1900, 1, 1).plusDays(random.nextInt(3));
            case 1 -> LocalDate.of(9999, 12, 31).minusDays(random.nextInt(3));
            case 2 -> LocalDate.of(2000 + 4 * random.nextInt(25), 2, 29);
            default -> LocalDate.ofEpochDay(min + Math.floorMod(random.nextLong(), max - min + 1));
        };
    }

    /**
     * Text of 0 to {@code maxLength} UTF-16 characters in many scripts, with emoji (surrogate pairs), quotes,
     * backslashes, SQL wildcards, spaces, tabs and new lines; never U+0000, other control characters or unpaired
     * surrogates.
     */
    public static Gen<String> texts(int maxLength) {
        return random -> text(random, random.nextInt(5) == 0 ? maxLength : Math.min(maxLength, random.nextInt(40)),
                true);
    }

    /** Text of 1 to {@code maxLength} characters without leading or trailing white space and without new lines. */
    public static Gen<String> words(int maxLength) {
        return random -> {
            int length = 1 + (random.nextInt(6) == 0 ? maxLength - 1 : random.nextInt(Math.min(maxLength, 30)));
            String text = text(random, length, false).strip();
            return text.isEmpty() ? "x" : text;
        };
    }

    // ------------------------------------------------------------------------------------------------ values

    /** Valid e-mail addresses, of every allowed local-part character, in mixed case, some non-ASCII. */
    public static Gen<EmailAddress> emailAddresses() {
        String atext = ASCII_LETTERS + DIGITS + "!#$%&'*+/=?^_`{|}~-";
        return random -> {
            StringBuilder local = new StringBuilder();
            int parts = 1 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    local.append('.');
                }
                local.append(chars(random, atext, 1 + random.nextInt(8)));
                if (random.nextInt(10) == 0) {
                    local.appendCodePoint(random.nextBoolean() ? 'é' : '中');
                }
            }
            StringBuilder domain = new StringBuilder();
            int labels = 1 + random.nextInt(3);
            for (int l = 0; l < labels; l++) {
                domain.append(chars(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                        1 + random.nextInt(10))).append('.');
            }
            domain.append(chars(random, "abcdefghijklmnopqrstuvwxyz", 2 + random.nextInt(5)));
            return EmailAddress.parse(local + "@" + domain);
        };
    }

    /** Phone numbers in E.164 form, some with an extension. */
    public static Gen<PhoneNumber> phoneNumbers() {
        return random -> new PhoneNumber(
                "+" + (1 + random.nextInt(9)) + chars(random, DIGITS, 6 + random.nextInt(9)),
                random.nextInt(4) == 0 ? chars(random, DIGITS, 1 + random.nextInt(10)) : null);
    }

    public static Gen<PostalAddress> postalAddresses() {
        List<String> countries = List.of(Locale.getISOCountries());
        return random -> new PostalAddress(
                random.nextBoolean() ? words(500).next(random) : words(60).next(random) + "\n" + words(60).next(random),
                words(20).orNull(0.3).next(random),
                words(200).next(random),
                words(200).orNull(0.5).next(random),
                countries.get(random.nextInt(countries.size())),
                words(50).orNull(0.5).next(random),
                false);
    }

    /** Keys of attributes and preferences, including keys that differ only in case. */
    public static Gen<String> attributeKeys() {
        return random -> {
            if (random.nextInt(4) == 0) {
                return random.nextBoolean() ? "tier" : "Tier";
            }
            return chars(random, ASCII_LETTERS, 1)
                    + chars(random, ASCII_LETTERS + DIGITS + "_.-", random.nextInt(random.nextInt(8) == 0 ? 64 : 12));
        };
    }

    /** Attribute values of every type, with their edge values. */
    public static Gen<AttributeValue> attributeValues() {
        return random -> switch (random.nextInt(6)) {
            case 0 -> AttributeValue.text(random.nextInt(10) == 0 ? ""
                    : texts(AttributeValue.MAX_TEXT_LENGTH).next(random));
            case 1 -> AttributeValue.integer(switch (random.nextInt(5)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                case 2 -> 0L;
                default -> random.nextLong() >> random.nextInt(64);
            });
            case 2 -> AttributeValue.decimal(decimal(random));
            case 3 -> AttributeValue.bool(random.nextBoolean());
            case 4 -> AttributeValue.date(dates().next(random));
            default -> {
                List<String> options = new ArrayList<>(new LinkedHashSet<>(words(100).list(1, 6).next(random)));
                yield AttributeValue.oneOf(options.get(random.nextInt(options.size())), options);
            }
        };
    }

    /** Maps of 0 to {@code max} attributes. */
    public static Gen<Map<String, AttributeValue>> attributeMaps(int max) {
        return random -> {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            int size = random.nextInt(max + 1);
            for (int i = 0; i < size; i++) {
                map.put(attributeKeys().next(random), attributeValues().next(random));
            }
            return map;
        };
    }

    /** Amounts in currencies of 0, 2 and 3 decimals, refunds and zero included, up to 15 integer digits. */
    public static Gen<Money> money() {
        return random -> {
            Currency currency = Currency.getInstance(CURRENCIES.get(random.nextInt(CURRENCIES.size())));
            int digits = currency.getDefaultFractionDigits();
            BigInteger unscaled = switch (random.nextInt(6)) {
                case 0 -> BigInteger.ZERO;
                case 1 -> BigInteger.TEN.pow(15 + digits).subtract(BigInteger.ONE);
                default -> BigInteger.valueOf(Math.floorMod(random.nextLong(), 10_000_000L * (long) Math.pow(10, digits)));
            };
            if (random.nextInt(5) == 0) {
                unscaled = unscaled.negate();
            }
            return Money.of(new BigDecimal(unscaled, digits), currency);
        };
    }

    /** Sources: systems of every allowed character, external ids of up to 200 characters in any script. */
    public static Gen<SourceRef> sourceRefs() {
        return random -> SourceRef.of(
                chars(random, ASCII_LETTERS + DIGITS, 1) + chars(random, ASCII_LETTERS + DIGITS + "._:-",
                        random.nextInt(20)),
                random.nextInt(8) == 0 ? text(random, 200, false).replace('\n', ' ').replace('\t', ' ')
                        : words(40).next(random).replace('\n', ' ').replace('\t', ' '));
    }

    public static Gen<UserId> userIds() {
        return random -> UserId.of(words(128).next(random).replace('\n', ' ').replace('\t', ' '));
    }

    public static Gen<CommunicationPreference> communicationPreferences() {
        return random -> new CommunicationPreference(
                random.nextInt(3) == 0 ? null : ContactChannel.values()[random.nextInt(ContactChannel.values().length)],
                random.nextBoolean());
    }

    public static Gen<PersonProfile> personProfiles() {
        return random -> {
            int names = random.nextInt(3);
            return new PersonProfile(names != 1 ? words(200).next(random) : null,
                    names != 2 ? words(200).next(random) : null, words(200).orNull(0.5).next(random));
        };
    }

    public static Gen<OrganisationProfile> organisationProfiles() {
        return random -> new OrganisationProfile(words(200).next(random),
                random.nextBoolean() ? null : chars(random, "abcdefghijklmnopqrstuvwxyz0123456789", 1 + random.nextInt(20))
                        + "." + chars(random, "abcdefghijklmnopqrstuvwxyz", 2 + random.nextInt(4)),
                words(200).orNull(0.5).next(random),
                random.nextInt(3) == 0 ? null : random.nextInt(4) == 0 ? 0 : random.nextInt(Integer.MAX_VALUE));
    }

    /** Up to four important dates of distinct kinds, in any order. */
    public static Gen<List<ImportantDate>> importantDates() {
        return random -> {
            List<String> kinds = new ArrayList<>(List.of(ImportantDate.BIRTHDAY, ImportantDate.ANNIVERSARY,
                    "wedding", "first_order", "name-day"));
            java.util.Collections.shuffle(kinds, random);
            List<ImportantDate> dates = new ArrayList<>();
            for (String kind : kinds.subList(0, random.nextInt(5))) {
                dates.add(new ImportantDate(kind, dates().next(random)));
            }
            return dates;
        };
    }

    public static Gen<RelationshipType> relationshipTypes() {
        return random -> switch (random.nextInt(4)) {
            case 0 -> Gen.oneOf(RelationshipType.SISTER_OF, RelationshipType.WORKS_AT, RelationshipType.REFERRED_BY,
                    RelationshipType.PARENT_COMPANY_OF, RelationshipType.PARTNER_OF).next(random);
            case 1 -> RelationshipType.symmetric(words(60).next(random));
            default -> RelationshipType.of(words(60).next(random), words(60).next(random));
        };
    }

    // ------------------------------------------------------------------------------------------------ aggregates

    /** New customers (version 1) of {@code tenant}, persons and organisations, with random ids. */
    public static Gen<Customer> customers(TenantId tenant) {
        return random -> customer(random, tenant, customerIds().next(random), 1, instants().next(random));
    }

    /** New customers (version 1) of {@code tenant} with the given id. */
    public static Gen<Customer> customers(TenantId tenant, CustomerId id) {
        return random -> customer(random, tenant, id, 1, instants().next(random));
    }

    /**
     * The next version of {@code customer}: same id, tenant and creation instant, version one more, every other
     * value new (it may even turn a person into an organisation).
     */
    public static Gen<Customer> nextVersionOf(Customer customer) {
        return random -> customer(random, customer.tenantId(), customer.id(), customer.version() + 1,
                customer.createdAt());
    }

    private static Customer customer(Random random, TenantId tenant, CustomerId id, long version, Instant createdAt) {
        Customer.Builder builder = Customer.builder().id(id).tenantId(tenant).version(version);
        if (random.nextInt(4) == 0) {
            builder.organisation(organisationProfiles().next(random));
        } else {
            builder.person(personProfiles().next(random));
        }
        Instant updatedAt = random.nextBoolean() ? createdAt
                : instantsBetween(createdAt, Timestamps.MAX).next(random);
        return builder
                .emails(distinctBy(random, emailAddresses(), 4, EmailAddress::matchKey).stream()
                        .map(a -> new EmailContact(a, words(50).orNull(0.6).next(random), false))
                        .collect(primaryAtMostOnce(random, (e, p) -> new EmailContact(e.address(), e.label(), p))))
                .phones(distinctBy(random, phoneNumbers(), 3, n -> n).stream()
                        .map(n -> new PhoneContact(n, words(50).orNull(0.6).next(random), false))
                        .collect(primaryAtMostOnce(random, (c, p) -> new PhoneContact(c.number(), c.label(), p))))
                .addresses(distinctBy(random, postalAddresses(), 2, a -> a).stream()
                        .collect(primaryAtMostOnce(random, (a, p) -> new PostalAddress(a.street(), a.postalCode(),
                                a.locality(), a.region(), a.countryCode(), a.label(), p))))
                .tags(tags(random))
                .attributes(attributeMaps(8).next(random))
                .preferences(attributeMaps(4).next(random))
                .importantDates(importantDates().next(random))
                .owner(userIds().orNull(0.4).next(random))
                .communication(communicationPreferences().next(random))
                .lifecycleStage(LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)])
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .archivedAt(random.nextInt(4) == 0 ? instantsBetween(createdAt, Timestamps.MAX).next(random) : null)
                .build();
    }

    /** Touchpoints of {@code tenant} with {@code customer}, of every channel, with random ids. */
    public static Gen<Touchpoint> touchpoints(TenantId tenant, CustomerId customer) {
        return random -> touchpoint(random, tenant, touchpointIds().next(random), customer,
                instants().next(random), sourceRefs().orNull(0.3).next(random));
    }

    /**
     * Touchpoints of {@code tenant} with {@code customer} that occurred at {@code occurredAt} and come from
     * {@code source} (null for none).
     */
    public static Touchpoint touchpoint(Random random, TenantId tenant, TouchpointId id, CustomerId customer,
                                        Instant occurredAt, SourceRef source) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        Purchase purchase = channel == Channel.PURCHASE
                ? new Purchase(money().next(random), words(100).orNull(0.3).next(random)) : null;
        String body = random.nextInt(10) == 0 ? texts(Touchpoint.MAX_BODY_LENGTH / 20).next(random)
                : texts(200).orNull(0.3).next(random);
        return new Touchpoint(id, tenant, customer, channel,
                random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                occurredAt, instants().next(random),
                texts(Touchpoint.MAX_SUBJECT_LENGTH).orNull(0.3).next(random), body,
                userIds().orNull(0.5).next(random), dealIds().orNull(0.7).next(random),
                attributeMaps(4).next(random), purchase, source);
    }

    /** Relationships of {@code tenant} from {@code from} to {@code to}, of every kind of type. */
    public static Gen<Relationship> relationships(TenantId tenant, CustomerId from, CustomerId to) {
        return random -> new Relationship(relationshipIds().next(random), tenant, from,
                relationshipTypes().next(random), to, instants().next(random));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Set<String> tags(Random random) {
        Set<String> tags = new HashSet<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            tags.add(random.nextInt(5) == 0 ? (random.nextBoolean() ? "vip" : "VIP") : words(100).next(random));
        }
        return tags;
    }

    private static <T> List<T> distinctBy(Random random, Gen<T> gen, int max, java.util.function.Function<T, Object> key) {
        List<T> values = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            T value = gen.next(random);
            if (keys.add(key.apply(value))) {
                values.add(value);
            }
        }
        return values;
    }

    private static <T> java.util.stream.Collector<T, ?, List<T>> primaryAtMostOnce(
            Random random, java.util.function.BiFunction<T, Boolean, T> withPrimary) {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            List<T> copy = new ArrayList<>(list);
            if (!copy.isEmpty() && random.nextBoolean()) {
                int i = random.nextInt(copy.size());
                copy.set(i, withPrimary.apply(copy.get(i), true));
            }
            return copy;
        });
    }

    private static BigDecimal decimal(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal("-12345678901234567890.123456789012345678");
            case 2 -> new BigDecimal(BigInteger.ONE, 18);
            case 3 -> new BigDecimal(BigInteger.valueOf(1 + random.nextInt(9)), -20 + random.nextInt(3));
            default -> new BigDecimal(BigInteger.valueOf(random.nextLong() >> random.nextInt(40)), random.nextInt(19));
        };
    }

    private static String chars(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Up to {@code maxLength} UTF-16 characters, never splitting a surrogate pair. */
    private static String text(Random random, int maxLength, boolean lineBreaks) {
        StringBuilder text = new StringBuilder(maxLength);
        while (text.length() < maxLength) {
            int codePoint = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> ASCII_LETTERS.charAt(random.nextInt(ASCII_LETTERS.length()));
                case 4 -> DIGITS.charAt(random.nextInt(10));
                case 5 -> AWKWARD.charAt(random.nextInt(AWKWARD.length()));
                case 6 -> lineBreaks && random.nextInt(4) == 0 ? (random.nextBoolean() ? '\n' : '\t') : ' ';
                default -> NON_ASCII[random.nextInt(NON_ASCII.length)];
            };
            if (text.length() + Character.charCount(codePoint) > maxLength) {
                if (maxLength - text.length() == 1) {
                    text.append('x');
                }
                continue;
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
