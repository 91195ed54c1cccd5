package io.crmkit.jdbc.internal;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUIDs as 16 big-endian bytes: byte order is the unsigned order crmkit sorts ids in. */
final class Uuids {

    private Uuids() {
    }

    static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    static UUID fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalStateException("a stored id has " + bytes.length + " bytes, not 16");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
