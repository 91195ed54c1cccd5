package io.crmkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A cursor reads back exactly, and any alteration of it is refused. */
class CursorCodecProperties {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final CursorCodec CODEC = new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(
            StandardCharsets.US_ASCII));

    record Position(String scope, byte[] bytes) {
        @Override
        public String toString() {
            return "Position[scope=" + scope + ", bytes=" + Arrays.toString(bytes) + "]";
        }
    }

    record Alteration(Position position, int index, int replacement) {
    }

    private static Position position(Random r) {
        byte[] bytes = new byte[Gen.oneOf(r, 0, 1, 2, 3, 8, 16, 24, 40, Gen.between(r, 0, 64))];
        r.nextBytes(bytes);
        String scope = Gen.oneOf(r, "", "t1|timeline|c1", "tenant-" + r.nextInt(5) + "|customers");
        return new Position(scope, bytes);
    }

    @Test
    void aCursorDecodesToThePositionItWasMadeFrom() {
        ForAll.check(1000, CursorCodecProperties::position, p -> {
            String cursor = CODEC.encode(p.scope(), p.bytes());
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            ByteBuffer decoded = CODEC.decode(p.scope(), cursor);
            byte[] read = new byte[decoded.remaining()];
            decoded.get(read);
            assertThat(read).isEqualTo(p.bytes());
            assertThat(decoded.isReadOnly()).isTrue();
        });
    }

    @Test
    void aCursorWithAnyOneCharacterReplacedIsRefused() {
        ForAll.check(1000, r -> {
            Position p = position(r);
            String cursor = CODEC.encode(p.scope(), p.bytes());
            int index = r.nextInt(cursor.length());
            int replacement;
            do {
                replacement = r.nextInt(8) == 0 ? Gen.oneOf(r, '=', '+', '/', '.', ' ', 'é') : BASE64URL.charAt(
                        r.nextInt(BASE64URL.length()));
            } while (replacement == cursor.charAt(index));
            return new Alteration(p, index, replacement);
        }, a -> {
            String cursor = CODEC.encode(a.position().scope(), a.position().bytes());
            String altered = cursor.substring(0, a.index()) + (char) a.replacement() + cursor.substring(a.index() + 1);
            assertRefused(a.position().scope(), altered);
        });
    }

    @Test
    void aCursorWithAnyOneBitFlippedIsRefused() {
        ForAll.check(1000, r -> {
            Position p = position(r);
            int length = 1 + p.bytes().length + 16;
            return new Alteration(p, r.nextInt(length), 1 << r.nextInt(8));
        }, a -> {
            byte[] raw = Base64.getUrlDecoder().decode(CODEC.encode(a.position().scope(), a.position().bytes()));
            raw[a.index()] ^= (byte) a.replacement();
            assertRefused(a.position().scope(), Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        });
    }

    @Test
    void aCursorWithACharacterAddedOrRemovedIsRefused() {
        ForAll.check(1000, r -> {
            Position p = position(r);
            String cursor = CODEC.encode(p.scope(), p.bytes());
            return new Alteration(p, r.nextInt(cursor.length() + 1), BASE64URL.charAt(r.nextInt(64)));
        }, a -> {
            String cursor = CODEC.encode(a.position().scope(), a.position().bytes());
            String inserted = cursor.substring(0, a.index()) + (char) a.replacement() + cursor.substring(a.index());
            assertRefused(a.position().scope(), inserted);
            if (a.index() < cursor.length()) {
                assertRefused(a.position().scope(), cursor.substring(0, a.index()) + cursor.substring(a.index() + 1));
            }
        });
    }

    @Test
    void aCursorOfAnotherScopeIsRefused() {
        ForAll.check(1000, r -> new Alteration(position(r), r.nextInt(4), 0), a -> {
            Position p = a.position();
            String cursor = CODEC.encode(p.scope(), p.bytes());
            String other = switch (a.index()) {
                case 0 -> p.scope() + "x";
                case 1 -> p.scope().isEmpty() ? " " : p.scope().substring(1);
                case 2 -> p.scope().toUpperCase() + "|other";
                default -> "another tenant|" + p.scope();
            };
            assertRefused(other, cursor);
        });
    }

    private static void assertRefused(String scope, String cursor) {
        assertThatThrownBy(() -> CODEC.decode(scope, cursor))
                .as("cursor %s in scope %s", cursor, scope)
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path())
                                .isEqualTo("cursor")));
    }
}
