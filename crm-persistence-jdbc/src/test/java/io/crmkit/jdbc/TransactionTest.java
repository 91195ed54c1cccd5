package io.crmkit.jdbc;

import static io.crmkit.jdbc.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.EmailAddress;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.CrmStorage;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Touchpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Units of work: all or nothing, nested calls join, callbacks after commit, and joining the host's transaction. */
class TransactionTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_failed_unit_of_work_leaves_nothing(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer kept = Fixtures.fullPerson(tenant);
        storage.customers().insert(tenant, kept);
        Customer added = Fixtures.fullOrganisation(tenant);
        Touchpoint purchase = Fixtures.fullPurchase(tenant, kept.id(), "o-1");
        List<Runnable> callbacks = new ArrayList<>();

        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
            tx.afterCommit(() -> callbacks.add(() -> { }));
            storage.customers().insert(tenant, added);
            storage.customers().update(tenant, kept.toBuilder().version(2).emails(List.of()).build());
            storage.relationships().insert(tenant, Fixtures.relationship(tenant, kept.id(), added.id()));
            storage.touchpoints().insertAll(tenant, List.of(purchase));
            assertThat(storage.customers().find(tenant, added.id())).isPresent(); // visible inside
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(storage.customers().find(tenant, added.id())).isEmpty();
        assertThat(storage.customers().find(tenant, kept.id())).contains(kept);
        assertThat(storage.customers().findByEmail(tenant, EmailAddress.parse("sarah@example.com")))
                .containsExactly(kept);
        assertThat(storage.relationships().involving(tenant, kept.id(), null, 10).items()).isEmpty();
        assertThat(storage.touchpoints().find(tenant, purchase.id())).isEmpty();
        assertThat(storage.touchpoints().activity(tenant, kept.id())).isEqualTo(CustomerActivity.none(kept.id()));
        assertThat(callbacks).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nested_units_of_work_join_and_others_see_nothing_before_the_commit(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer a = Fixtures.person(tenant, "A");
        Customer b = Fixtures.person(tenant, "B");
        List<String> order = new CopyOnWriteArrayList<>();
        storage.inTransaction(tenant, outer -> {
            storage.customers().insert(tenant, a);
            outer.afterCommit(() -> order.add("outer"));
            storage.inTransaction(tenant, inner -> {
                assertThat(inner.tenant()).isEqualTo(tenant);
                assertThat(storage.customers().find(tenant, a.id())).isPresent();
                storage.customers().insert(tenant, b);
                inner.afterCommit(() -> order.add("inner"));
                inner.afterCommit(() -> {
                    throw new IllegalStateException("a failing callback stops nothing");
                });
                return null;
            });
            Optional<Customer> fromElsewhere = CompletableFuture.supplyAsync(
                    () -> storage.customers().find(tenant, b.id())).join();
            assertThat(fromElsewhere).isEmpty();
            assertThat(order).isEmpty();
            outer.afterCommit(() -> order.add("last"));
            return null;
        });
        assertThat(order).containsExactly("outer", "inner", "last");
        assertThat(storage.customers().existing(tenant, List.of(a.id(), b.id()))).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void another_tenant_inside_a_unit_of_work_is_refused(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        TenantId other = Fixtures.newTenant();
        Customer a = Fixtures.person(tenant, "A");
        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
            storage.customers().insert(tenant, a);
            return storage.customers().find(other, a.id());
        })).isInstanceOf(TenantViolationException.class);
        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> storage.inTransaction(other, t -> 1)))
                .isInstanceOf(TenantViolationException.class);
        assertThatThrownBy(() -> storage.customers().insert(other, a)).isInstanceOf(TenantViolationException.class);
        assertThat(storage.customers().find(tenant, a.id())).isEmpty();
        assertThat(storage.customers().find(other, a.id())).isEmpty();
    }

    /** A host connection that records what is called on it and refuses to be closed. */
    private static Connection recording(Connection target, List<String> calls) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)
                            || name.equals("close") || name.equals("setAutoCommit")) {
                        calls.add(name);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static JdbcCrmStorage joining(TestDatabase db, Connection host, List<Runnable> afterHostCommit) {
        return db.builder().connectionProvider(new ConnectionProvider() {
            @Override
            public Connection getConnection() {
                return host;
            }

            @Override
            public void releaseConnection(Connection connection) {
                // the host keeps its connection
            }

            @Override
            public void afterHostCommit(Runnable callback) {
                afterHostCommit.add(callback);
            }
        }).build();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void it_joins_the_host_transaction_and_never_commits_rolls_back_or_closes_it(DatabaseKind kind)
            throws SQLException {
        TestDatabase db = DATABASES.database(kind);
        DATABASES.storage(kind); // migrated
        db.execute("CREATE TABLE IF NOT EXISTS host_note (id INTEGER PRIMARY KEY)");
        TenantId tenant = Fixtures.newTenant();
        List<String> calls = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Customer a = Fixtures.person(tenant, "A");
        Customer b = Fixtures.person(tenant, "B");
        try (Connection physical = db.dataSource().getConnection()) {
            physical.setAutoCommit(false);
            Connection host = recording(physical, calls);
            JdbcCrmStorage storage = joining(db, host, pending);
            int note = Math.abs(tenant.hashCode());
            try (Statement s = host.createStatement()) {
                s.executeUpdate("INSERT INTO host_note (id) VALUES (" + note + ")");
            }
            storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, a);
                tx.afterCommit(() -> events.add("a stored"));
                return null;
            });
            // a failing unit of work is undone to its savepoint; the host's transaction goes on
            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, b);
                storage.customers().insert(tenant, b); // duplicate
                return null;
            })).isInstanceOf(io.crmkit.shared.StorageException.class);
            assertThat(storage.customers().find(tenant, b.id())).isEmpty();
            assertThat(storage.customers().find(tenant, a.id())).isPresent();
            assertThat(calls).isEmpty();
            assertThat(events).isEmpty();
            assertThat(pending).hasSize(1);
            assertThat(DATABASES.storage(kind).customers().find(tenant, a.id())).as("not committed yet").isEmpty();

            physical.commit();
            pending.forEach(Runnable::run);
            assertThat(events).containsExactly("a stored");
            assertThat(db.queryLong("SELECT COUNT(*) FROM host_note WHERE id = " + note)).isEqualTo(1);
            assertThat(DATABASES.storage(kind).customers().find(tenant, a.id())).contains(a);
            assertThat(DATABASES.storage(kind).customers().find(tenant, b.id())).isEmpty();

            // the host rolls back: what crmkit wrote in its transaction is gone
            Customer c = Fixtures.person(tenant, "C");
            storage.customers().insert(tenant, c);
            physical.rollback();
            assertThat(DATABASES.storage(kind).customers().find(tenant, c.id())).isEmpty();
            assertThat(calls).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void on_a_host_connection_without_a_transaction_it_runs_its_own(DatabaseKind kind) throws SQLException {
        TestDatabase db = DATABASES.database(kind);
        DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        List<String> calls = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (Connection physical = db.dataSource().getConnection()) {
            JdbcCrmStorage storage = joining(db, recording(physical, calls), pending);
            Customer a = Fixtures.person(tenant, "A");
            storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, a);
                tx.afterCommit(() -> events.add("after"));
                return null;
            });
            assertThat(calls).containsExactly("setAutoCommit", "commit", "setAutoCommit");
            assertThat(physical.getAutoCommit()).isTrue();
            assertThat(events).containsExactly("after");
            assertThat(pending).isEmpty();
            assertThat(DATABASES.storage(kind).customers().find(tenant, a.id())).contains(a);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_storage_exception_caught_inside_a_unit_of_work_does_not_poison_it(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer a = Fixtures.person(tenant, "A");
        Customer b = Fixtures.person(tenant, "B");
        storage.inTransaction(tenant, tx -> {
            storage.customers().insert(tenant, a);
            assertThatThrownBy(() -> storage.customers().insert(tenant, a))
                    .isInstanceOf(io.crmkit.shared.StorageException.class).hasMessageContaining("already exists");
            storage.customers().insert(tenant, b);
            storage.touchpoints().insertAll(tenant, List.of(Fixtures.touchpoint(tenant, a.id(), Channel.CALL, T0,
                    "x")));
            return null;
        });
        assertThat(storage.customers().existing(tenant, List.of(a.id(), b.id()))).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_error_or_a_checked_exception_also_rolls_back_and_reaches_the_caller_unchanged(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer a = Fixtures.person(tenant, "A");
        java.io.IOException checked = new java.io.IOException("disk full");
        AssertionError error = new AssertionError("bug");
        for (Throwable thrown : List.<Throwable>of(checked, error)) {
            assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                storage.customers().insert(tenant, a);
                throw TransactionTest.<RuntimeException>sneaky(thrown);
            })).isSameAs(thrown);
            assertThat(storage.customers().find(tenant, a.id())).isEmpty();
        }
        storage.customers().insert(tenant, a);
        assertThat(storage.customers().find(tenant, a.id())).contains(a);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
