package io.crmkit.benchmarks.jpa;

import io.crmkit.benchmarks.support.TouchpointRows;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The JPA side of the ingest benchmark: its own table, created like crmkit's touchpoint table. */
@Entity
@Table(name = JpaTouchpoint.TABLE)
public class JpaTouchpoint extends TouchpointColumns {

    /** The table. */
    public static final String TABLE = "bench_jpa_touchpoint";

    protected JpaTouchpoint() {
    }

    /** A new touchpoint from a generated row. */
    public JpaTouchpoint(UUID id, String tenantId, UUID customerId, TouchpointRows.Row row, Instant recordedAt) {
        super(id, tenantId, customerId, row.channel(), row.direction(), row.occurredAt(), recordedAt, row.subject(),
                row.body(), row.handledBy(), row.amount(), row.currency(), row.orderReference(), row.sourceSystem(),
                row.externalId());
    }
}
