package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.LeadFixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.Money;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.task.Task;
import io.crmkit.touchpoint.SourceRef;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SQLException never leaves the adapter: it becomes a crmkit exception that says what failed. */
class ErrorTranslationTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_duplicate_id_is_a_storage_exception_naming_the_record(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer customer = Fixtures.person(tenant, "Twice");
        storage.customers().insert(tenant, customer);
        assertThatThrownBy(() -> storage.customers().insert(tenant, customer))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessage("Customer " + customer.id() + " already exists");
        var relationship = Fixtures.relationship(tenant, customer.id(), Fixtures.customerId());
        storage.relationships().insert(tenant, relationship);
        assertThatThrownBy(() -> storage.relationships().insert(tenant, relationship))
                .isExactlyInstanceOf(StorageException.class).hasMessageContaining("already exists");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_duplicate_pipeline_deal_task_or_history_version_is_a_storage_exception_naming_it(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Pipeline pipeline = Fixtures.minimalPipeline(tenant);
        storage.pipelines().insert(tenant, pipeline);
        Deal deal = Fixtures.openDeal(tenant, pipeline.id(), pipeline.stages().get(0).id(), Money.of("1.00", "EUR"));
        storage.deals().insert(tenant, deal);
        storage.deals().append(tenant, Fixtures.opened(deal));
        Task task = Fixtures.task(tenant, Fixtures.ALICE, Fixtures.T0);
        storage.tasks().insert(tenant, task);

        assertThatThrownBy(() -> storage.pipelines().insert(tenant, pipeline))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessage("Pipeline " + pipeline.id() + " already exists");
        assertThatThrownBy(() -> storage.deals().insert(tenant, deal))
                .isExactlyInstanceOf(StorageException.class).hasMessage("Deal " + deal.id() + " already exists");
        assertThatThrownBy(() -> storage.tasks().insert(tenant, task))
                .isExactlyInstanceOf(StorageException.class).hasMessage("Task " + task.id() + " already exists");
        assertThatThrownBy(() -> storage.deals().append(tenant, Fixtures.opened(deal)))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessage("the history of deal " + deal.id() + " already has an entry of version 1; history is"
                        + " append-only");
        // and in a unit of work that goes on after the refusal (PostgreSQL would refuse every later statement of a
        // transaction whose statement failed): the refusals are decided without a failing statement
        storage.inTransaction(tenant, tx -> {
            assertThatThrownBy(() -> storage.deals().insert(tenant, deal)).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> storage.tasks().insert(tenant, task)).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> storage.deals().append(tenant, Fixtures.opened(deal)))
                    .isInstanceOf(StorageException.class);
            assertThat(storage.deals().find(tenant, deal.id())).contains(deal);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_duplicate_lead_or_history_version_is_refused_naming_it_also_in_a_unit_of_work_that_goes_on(
            DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Lead lead = LeadFixtures.minimalLead(tenant, "dup@example.com");
        LeadStatusChange first = new LeadStatusChange(lead.id(), 1, Fixtures.T0, null, null, LeadStatus.NEW, null);
        storage.leads().insert(tenant, lead);
        storage.leads().appendHistory(tenant, first);

        assertThatThrownBy(() -> storage.leads().insert(tenant, lead)).isExactlyInstanceOf(StorageException.class)
                .hasMessage("Lead " + lead.id() + " already exists");
        assertThatThrownBy(() -> storage.leads().appendHistory(tenant, first))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessage("Lead " + lead.id() + " already has a history entry at version 1");
        storage.inTransaction(tenant, tx -> {
            assertThatThrownBy(() -> storage.leads().insert(tenant, lead)).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> storage.leads().appendHistory(tenant, first))
                    .isInstanceOf(StorageException.class);
            assertThat(storage.leads().claimSource(tenant, SourceRef.of("forms", "1"), lead.id())).isEmpty();
            assertThat(storage.leads().claimSource(tenant, SourceRef.of("forms", "1"), LeadFixtures.leadId()))
                    .contains(lead.id());
            assertThat(storage.leads().find(tenant, lead.id())).contains(lead);
            return null;
        });
        assertThat(storage.leads().findBySource(tenant, SourceRef.of("forms", "1"))).contains(lead.id());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_stored_lead_that_crmkit_cannot_read_is_a_storage_exception_naming_it(DatabaseKind kind) {
        TestDatabase db = DATABASES.database(kind);
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Lead lead = LeadFixtures.minimalLead(tenant, "unreadable@example.com");
        storage.leads().insert(tenant, lead);
        db.execute("UPDATE crm_lead SET status = 'LOST' WHERE tenant_id = '" + tenant.value() + "'");

        assertThatThrownBy(() -> storage.leads().find(tenant, lead.id()))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("the stored lead " + lead.id() + " cannot be read");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_stored_deal_that_crmkit_cannot_read_is_a_storage_exception_naming_it(DatabaseKind kind) {
        TestDatabase db = DATABASES.database(kind);
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Deal deal = Fixtures.openDeal(tenant, Fixtures.pipelineId(), Fixtures.stageId(), Money.of("1.00", "EUR"));
        storage.deals().insert(tenant, deal);
        db.execute("UPDATE crm_deal SET currency = 'XXX' WHERE tenant_id = '" + tenant.value() + "'");

        assertThatThrownBy(() -> storage.deals().find(tenant, deal.id()))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("the stored deal " + deal.id() + " cannot be read")
                .hasCauseInstanceOf(CrmException.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_failing_statement_names_what_was_done_and_keeps_the_sql_exception_as_cause(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        JdbcCrmStorage storage = db.builder().build();
        TenantId tenant = Fixtures.newTenant();
        db.execute("DROP TABLE crm_customer_activity");
        assertThatThrownBy(() -> storage.touchpoints().activity(tenant, Fixtures.customerId()))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("could not read the activity of customer")
                .hasMessageContaining("SQLState")
                .hasCauseInstanceOf(SQLException.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_deadlock_is_retryable(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer a = Fixtures.person(tenant, "A");
        Customer b = Fixtures.person(tenant, "B");
        storage.customers().insert(tenant, a);
        storage.customers().insert(tenant, b);
        CountDownLatch bothLocked = new CountDownLatch(2);
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> crossUpdate(storage, tenant, a, b,
                bothLocked));
        CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> crossUpdate(storage, tenant, b, a,
                bothLocked));
        List<Throwable> failures = new ArrayList<>();
        for (Throwable t : java.util.Arrays.asList(first.get(60, TimeUnit.SECONDS),
                second.get(60, TimeUnit.SECONDS))) {
            if (t != null) {
                failures.add(t);
            }
        }
        assertThat(failures).isNotEmpty();
        for (Throwable failure : failures) {
            assertThat(failure).isInstanceOf(RetryableStorageException.class);
            assertThat(((StorageException) failure).isRetryable()).isTrue();
            assertThat(failure.getCause()).isInstanceOf(SQLException.class);
        }
    }

    /** Locks {@code first}, waits until the other thread locked its first, then wants {@code second}. */
    private static Throwable crossUpdate(CrmStorage storage, TenantId tenant, Customer first, Customer second,
                                         CountDownLatch bothLocked) {
        try {
            storage.inTransaction(tenant, tx -> {
                storage.customers().update(tenant, first.toBuilder().version(2).tags(Set.of("x")).build());
                bothLocked.countDown();
                try {
                    bothLocked.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                storage.customers().update(tenant, second.toBuilder().version(2).tags(Set.of("y")).build());
                return null;
            });
            return null;
        } catch (CrmException e) {
            return e;
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_unreachable_database_is_a_storage_exception(DatabaseKind kind) {
        JdbcCrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        DataSource down = new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("no");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
        assertThatThrownBy(() -> JdbcCrmStorage.create(down)).isExactlyInstanceOf(StorageException.class)
                .hasCauseInstanceOf(SQLException.class).hasMessageContaining("connection refused");
        JdbcCrmStorage downstream = DATABASES.database(kind).builder()
                .connectionProvider(ConnectionProvider.transactionAware(down)).build();
        assertThatThrownBy(() -> downstream.customers().find(tenant, Fixtures.customerId()))
                .isExactlyInstanceOf(StorageException.class).hasMessageContaining("get a database connection")
                .hasMessageContaining("08001");
        assertThat(storage.databaseName()).isNotBlank();
    }
}
