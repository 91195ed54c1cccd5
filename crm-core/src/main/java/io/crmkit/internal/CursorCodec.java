package io.crmkit.internal;

import io.crmkit.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page cursors. A cursor is {@code base64url(version ‖ position ‖ mac)}, where the MAC is a
 * truncated HMAC-SHA256 over the version, the <em>scope</em> (tenant, query and its filters) and the position. A
 * cursor that was altered, made up, or issued for another scope or by a {@code Crm} with another secret fails the
 * MAC check and is refused; it is never read as a position.
 */
public final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret at least 16 bytes */
    public CursorCodec(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("a cursor secret has at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Encodes {@code position} for {@code scope}. */
    public String encode(String scope, byte[] position) {
        ByteBuffer out = ByteBuffer.allocate(1 + position.length + MAC_LENGTH);
        out.put(VERSION).put(position).put(mac(scope, position));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /**
     * Decodes a cursor issued for {@code scope}.
     *
     * @throws InvalidInputException (path {@code cursor}) if it is not a cursor of this scope and this secret
     */
    public ByteBuffer decode(String scope, String cursor) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused("is not a cursor crmkit issued");
        }
        if (bytes.length < 1 + MAC_LENGTH || bytes[0] != VERSION) {
            throw refused("is not a cursor crmkit issued");
        }
        // Base64 leaves unused bits in the last character and allows padding: only the one text encode() makes for
        // these bytes is a cursor, so that no altered text is ever accepted.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(cursor)) {
            throw refused("is not a cursor crmkit issued");
        }
        byte[] position = Arrays.copyOfRange(bytes, 1, bytes.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_LENGTH, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(scope, position))) {
            throw refused("was altered, or was issued for another query, tenant or crmkit instance");
        }
        return ByteBuffer.wrap(position).asReadOnlyBuffer();
    }

    /** Writes a UUID into a position. */
    public static void putUuid(ByteBuffer buffer, UUID uuid) {
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    /** Reads a UUID from a position. */
    public static UUID getUuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** Checks that a decoded position was read to its end (a MAC-checked cursor always is). */
    public static void requireFullyRead(ByteBuffer buffer) {
        if (buffer.hasRemaining()) {
            throw refused("is not a cursor of this query");
        }
    }

    private byte[] mac(String scope, byte[] position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(VERSION);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(position);
            return Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static InvalidInputException refused(String why) {
        return InvalidInputException.of("cursor", why);
    }
}
