package io.crmkit.internal;

import io.crmkit.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Writes and reads the parts of keyset positions inside page cursors. */
final class Positions {

    private Positions() {
    }

    static void putInstant(ByteBuffer buffer, Instant instant) {
        buffer.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    static Instant getInstant(ByteBuffer buffer) {
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw InvalidInputException.of("cursor", "is not a cursor of this query");
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (java.time.DateTimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor of this query");
        }
    }

    static void putDate(ByteBuffer buffer, LocalDate date) {
        buffer.putLong(date.toEpochDay());
    }

    static LocalDate getDate(ByteBuffer buffer) {
        try {
            return LocalDate.ofEpochDay(buffer.getLong());
        } catch (java.time.DateTimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor of this query");
        }
    }

    static void putUuid(ByteBuffer buffer, UUID uuid) {
        CursorCodec.putUuid(buffer, uuid);
    }

    static UUID getUuid(ByteBuffer buffer) {
        return CursorCodec.getUuid(buffer);
    }

    static byte[] uuid(UUID uuid) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        putUuid(buffer, uuid);
        return buffer.array();
    }
}
