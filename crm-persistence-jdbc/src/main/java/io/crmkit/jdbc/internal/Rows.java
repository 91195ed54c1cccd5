package io.crmkit.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What every store does with result rows and page limits. */
final class Rows {

    /** Maps the current row of a result set to a record. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    /** Runs the query and maps every row, in the order the database returns them. */
    static <T> List<T> readAll(PreparedStatement ps, Reader<T> reader) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(reader.read(rs));
            }
        }
        return found;
    }

    /** Refuses a page limit below 1 (an SPI caller's mistake, not bad user input). */
    static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
