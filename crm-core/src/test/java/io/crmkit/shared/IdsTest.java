package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

    private static final String CANONICAL = "0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f";

    /** A typed id: how to parse it, wrap a UUID, and the path it names in errors. */
    record TypedId(String path, Function<String, Object> parse, Function<UUID, Object> of,
                   Function<Object, UUID> value) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<TypedId> typedIds() {
        return Stream.of(
                new TypedId("customerId", CustomerId::parse, CustomerId::of, id -> ((CustomerId) id).value()),
                new TypedId("dealId", DealId::parse, DealId::of, id -> ((DealId) id).value()),
                new TypedId("leadId", LeadId::parse, LeadId::of, id -> ((LeadId) id).value()),
                new TypedId("touchpointId", TouchpointId::parse, TouchpointId::of, id -> ((TouchpointId) id).value()),
                new TypedId("relationshipId", RelationshipId::parse, RelationshipId::of,
                        id -> ((RelationshipId) id).value()),
                new TypedId("eventId", EventId::parse, EventId::of, id -> ((EventId) id).value()));
    }

    static Stream<Arguments> typedIdsWithNonCanonicalText() {
        String[] nonCanonical = {
                "",
                " " + CANONICAL,
                CANONICAL + "\n",
                "{" + CANONICAL + "}",
                "urn:uuid:" + CANONICAL,
                CANONICAL.replace("-", ""),
                "1-2-3-4-5",
                "0-0-0-0-0",
                "0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2",      // 35 characters
                "0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f0",    // 37 characters
                "0190f5a27-c3e-7b4d-9a1f-3c5e7a9b1d2f",     // dash in the wrong place
                "0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2g",     // not hex
                "+190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f",     // a sign that Long.parseLong would take
                "-190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f"
        };
        return typedIds().flatMap(t -> Stream.of(nonCanonical).map(text -> Arguments.of(t, text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void printsAndParsesTheCanonicalFormRoundTrip(TypedId type) {
        Object id = type.parse().apply(CANONICAL);

        assertThat(id.toString()).isEqualTo(CANONICAL);
        assertThat(type.value().apply(id)).isEqualTo(UUID.fromString(CANONICAL));
        assertThat(type.parse().apply(id.toString())).isEqualTo(id);
        assertThat(type.of().apply(UUID.fromString(CANONICAL))).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void acceptsUpperCaseHexAsRfc9562Allows(TypedId type) {
        assertThat(type.parse().apply(CANONICAL.toUpperCase())).isEqualTo(type.parse().apply(CANONICAL));
        assertThat(type.parse().apply(CANONICAL.toUpperCase()).toString()).isEqualTo(CANONICAL);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("typedIdsWithNonCanonicalText")
    void refusesNonCanonicalText(TypedId type, String text) {
        assertThatThrownBy(() -> type.parse().apply(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo(type.path());
                            assertThat(v.message()).isEqualTo("must be a UUID in canonical form");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void refusesNull(TypedId type) {
        assertThatThrownBy(() -> type.parse().apply(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: " + type.path() + ": must not be null");
        assertThatThrownBy(() -> type.of().apply(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: " + type.path() + ": must not be null");
    }

    @Test
    void typedIdsOrderAsUnsigned128BitNumbers() {
        CustomerId low = CustomerId.parse("7fffffff-ffff-7fff-bfff-ffffffffffff");
        CustomerId high = CustomerId.parse("80000000-0000-7000-8000-000000000000");

        assertThat(low.value().compareTo(high.value())).isPositive(); // java.util.UUID compares signed halves
        assertThat(low).isLessThan(high);
        assertThat(Ids.compare(low.value(), high.value())).isNegative();
        assertThat(Ids.compare(high.value(), low.value())).isPositive();
        assertThat(Ids.compare(high.value(), UUID.fromString(high.toString()))).isZero();
    }

    @Test
    void compareOrdersTheLowHalfUnsignedToo() {
        UUID a = new UUID(1, 0x7FFF_FFFF_FFFF_FFFFL);
        UUID b = new UUID(1, 0x8000_0000_0000_0000L);
        assertThat(Ids.compare(a, b)).isNegative();
        assertThat(a.toString().compareTo(b.toString())).isNegative();
    }
}
