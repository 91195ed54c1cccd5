package io.crmkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {

    private static final byte[] SECRET = "a cursor secret of 32 bytes long".getBytes(StandardCharsets.US_ASCII);
    private static final String SCOPE = "tenant-a|timeline|customer-1|EMAIL,CALL|INBOUND|-|-";

    private final CursorCodec codec = new CursorCodec(SECRET);

    private static byte[] position(UUID id, long micros) {
        ByteBuffer buffer = ByteBuffer.allocate(24);
        buffer.putLong(micros);
        CursorCodec.putUuid(buffer, id);
        return buffer.array();
    }

    @Test
    void roundTripsAPositionOfATimestampAndAnId() {
        UUID id = UUID.fromString("0190f5a2-7c3e-7b4d-9a1f-3c5e7a9b1d2f");
        String cursor = codec.encode(SCOPE, position(id, 1_767_225_600_000_000L));

        ByteBuffer decoded = codec.decode(SCOPE, cursor);

        assertThat(decoded.getLong()).isEqualTo(1_767_225_600_000_000L);
        assertThat(CursorCodec.getUuid(decoded)).isEqualTo(id);
        CursorCodec.requireFullyRead(decoded);
    }

    @Test
    void isOpaqueUrlSafeTextWithoutPadding() {
        String cursor = codec.encode(SCOPE, position(UUID.randomUUID(), 42));

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursor).doesNotContain("tenant-a").doesNotContain(SCOPE);
        assertThat(cursor).hasSize((1 + 24 + 16) * 4 / 3 + 1); // 41 bytes, base64 without padding
    }

    @Test
    void encodingIsDeterministic() {
        byte[] position = position(new UUID(1, 2), 3);
        assertThat(codec.encode(SCOPE, position)).isEqualTo(new CursorCodec(SECRET.clone()).encode(SCOPE, position));
    }

    @Test
    void refusesACursorOfAnotherScope() {
        String cursor = codec.encode(SCOPE, position(new UUID(1, 2), 3));

        assertRefused(() -> codec.decode("tenant-b|timeline|customer-1|EMAIL,CALL|INBOUND|-|-", cursor),
                "was altered, or was issued for another query, tenant or crmkit instance");
        assertRefused(() -> codec.decode(SCOPE.replace("INBOUND", "OUTBOUND"), cursor),
                "was altered, or was issued for another query, tenant or crmkit instance");
    }

    @Test
    void scopeAndPositionCannotBeShiftedIntoEachOther() {
        // scope "ab" + position "c" and scope "a" + position "bc" must not share a MAC
        String cursor = codec.encode("ab", "c".getBytes(StandardCharsets.US_ASCII));
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        byte[] shifted = new byte[raw.length + 1];
        shifted[0] = raw[0];
        shifted[1] = 'b';
        System.arraycopy(raw, 1, shifted, 2, raw.length - 1);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(shifted);

        assertRefused(() -> codec.decode("a", forged),
                "was altered, or was issued for another query, tenant or crmkit instance");
    }

    @Test
    void refusesACursorOfAnotherSecret() {
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        String cursor = new CursorCodec(otherSecret).encode(SCOPE, position(new UUID(1, 2), 3));

        assertRefused(() -> codec.decode(SCOPE, cursor),
                "was altered, or was issued for another query, tenant or crmkit instance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "not a cursor", "!!!!", "AAAA", "AQ", "====", "a+b/c=", "%41%42",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesGarbage(String garbage) {
        assertThatThrownBy(() -> codec.decode(SCOPE, garbage))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("cursor");
                            assertThat(v.message()).isNotBlank();
                        }));
    }

    @Test
    void refusesAValidCursorWithPaddingAdded() {
        String cursor = codec.encode(SCOPE, position(new UUID(1, 2), 3)); // 41 bytes: 55 characters + "="
        assertThat(Base64.getUrlDecoder().decode(cursor + "=")).isEqualTo(Base64.getUrlDecoder().decode(cursor));

        assertRefused(() -> codec.decode(SCOPE, cursor + "="), "is not a cursor crmkit issued");
    }

    @Test
    void refusesAnotherVersion() {
        byte[] raw = Base64.getUrlDecoder().decode(codec.encode(SCOPE, position(new UUID(1, 2), 3)));
        raw[0] = 2;
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertRefused(() -> codec.decode(SCOPE, other), "is not a cursor crmkit issued");
    }

    @Test
    void aPositionThatIsNotReadToItsEndIsRefused() {
        ByteBuffer decoded = codec.decode(SCOPE, codec.encode(SCOPE, position(new UUID(1, 2), 3)));
        decoded.getLong();

        assertRefused(() -> CursorCodec.requireFullyRead(decoded), "is not a cursor of this query");
    }

    @Test
    void theDecodedPositionCannotBeChangedByItsReader() {
        ByteBuffer decoded = codec.decode(SCOPE, codec.encode(SCOPE, new byte[] {1, 2, 3}));
        assertThat(decoded.isReadOnly()).isTrue();
    }

    @Test
    void aSecretHasAtLeast16Bytes() {
        assertThatThrownBy(() -> new CursorCodec(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CursorCodec(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CursorCodec(new byte[16]).encode("s", new byte[0])).isNotEmpty();
    }

    @Test
    void theCodecKeepsItsOwnCopyOfTheSecret() {
        byte[] secret = SECRET.clone();
        CursorCodec mine = new CursorCodec(secret);
        String cursor = mine.encode(SCOPE, new byte[] {7});
        secret[0] ^= 1;

        assertThat(mine.decode(SCOPE, cursor).get()).isEqualTo((byte) 7);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("cursor");
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
