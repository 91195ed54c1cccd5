package io.crmkit.benchmarks.support;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.touchpoint.NewTouchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** crmkit as the benchmarks use it: a {@link Crm} on a storage, one tenant, customers registered in bulk. */
public final class CrmkitSetup {

    /** The tenant every side of every benchmark writes and reads. */
    public static final String TENANT = "shop-1";
    /** The touchpoints per {@code recordAll} call and per JDBC statement. */
    public static final int CHUNK = 1000;

    private CrmkitSetup() {
    }

    /** crmkit's JDBC storage on {@code db}: migrated at start, {@link #CHUNK} touchpoints per statement. */
    public static JdbcCrmStorage jdbcStorage(BenchDatabase db) {
        JdbcCrmStorage.Builder builder = JdbcCrmStorage.builder(db.dataSource()).batchSize(CHUNK);
        if (db.schema() != null) {
            builder.schema(db.schema());
        }
        return builder.build();
    }

    /** A {@link Crm} on {@code storage} with the defaults a host gets (system clock, UUIDv7 ids). */
    public static Crm crm(CrmStorage storage) {
        return Crm.builder().storage(storage).defaultRegion("GB").build();
    }

    /** The benchmark tenant's scope. */
    public static TenantScope tenant(Crm crm) {
        return crm.tenant(TENANT);
    }

    /**
     * Registers {@code count} people (with an e-mail address each) through the public API, a thousand per unit of
     * work, and returns their ids in order.
     */
    public static CustomerId[] registerCustomers(Crm crm, int count) {
        TenantScope scope = tenant(crm);
        CustomerId[] ids = new CustomerId[count];
        for (int from = 0; from < count; from += 1000) {
            int start = from;
            int end = Math.min(count, from + 1000);
            crm.storage().inTransaction(TenantId.of(TENANT), tx -> {
                for (int i = start; i < end; i++) {
                    ids[i] = scope.customers().register(CustomerRegistration.person("Given" + i, "Family" + i)
                            .email("customer" + i + "@example.com").build()).id();
                }
                return null;
            });
        }
        return ids;
    }

    /** The crmkit input for a generated row: what a host builds from its own data. */
    public static NewTouchpoint newTouchpoint(TouchpointRows.Row row, CustomerId customer) {
        NewTouchpoint.Builder builder = NewTouchpoint.builder(customer, row.channel(), row.direction(), row.occurredAt())
                .subject(row.subject())
                .body(row.body())
                .source(row.sourceSystem(), row.externalId());
        if (row.handledBy() != null) {
            builder.handledBy(new UserId(row.handledBy()));
        }
        if (row.amount() != null) {
            builder.purchase(Money.of(row.amount().toPlainString(), row.currency()), row.orderReference());
        }
        return builder.build();
    }

    /** Records {@code rows} through {@code recordAll} in chunks of {@link #CHUNK}; returns how many were stored. */
    public static int recordAll(TenantScope scope, List<TouchpointRows.Row> rows, CustomerId[] customers) {
        int recorded = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<TouchpointRows.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<NewTouchpoint> batch = new ArrayList<>(chunk.size());
            for (TouchpointRows.Row row : chunk) {
                batch.add(newTouchpoint(row, customers[row.customer()]));
            }
            recorded += scope.touchpoints().recordAll(batch).recordedCount();
        }
        return recorded;
    }

    /** {@code count} distinct ids for the customers of the raw and JPA sides (which have no customer table). */
    public static UUID[] plainIds(int count) {
        io.crmkit.shared.IdGenerator ids = io.crmkit.shared.IdGenerator.uuidV7(java.time.Clock.systemUTC());
        UUID[] result = new UUID[count];
        for (int i = 0; i < count; i++) {
            result[i] = ids.next();
        }
        return result;
    }
}
