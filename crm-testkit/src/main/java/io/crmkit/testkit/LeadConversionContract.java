package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.CaptureOutcome;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.ConversionResult;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.TaskStore;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.spi.UnitOfWork;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Whole-storage scenarios of leads, run through {@link Crm} on the adapter's storage: a capture is stored once per
 * source key; a conversion (person, organisation, "works at", history moved, lead converted) commits whole; and when
 * the storage fails at any one of the conversion's writes, the adapter's unit of work leaves no customer, no
 * relationship, the touchpoints with the lead and the lead unconverted, and no event is published. The failures are
 * injected by a wrapper around the adapter's own stores, so it is the adapter's rollback that is checked.
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcLeadConversionContractTest extends LeadConversionContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("Lead scenarios over the whole storage")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class LeadConversionContract extends AbstractStorageContract {

    /** For subclasses. */
    protected LeadConversionContract() {
    }

    private static final ConversionRequest REQUEST = ConversionRequest.builder().by(UserId.of("alice"))
            .withOrganisation().build();

    private static LeadCapture tom() {
        return LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring"))
                .name("Tom", "Baker").jobTitle("Buyer").company("Café Luna").companyDomain("cafe-luna.example")
                .email("tom@cafe-luna.example").phone("+44 7700 900456").sourceRef("webforms", "tom-1").build();
    }

    /** Captures Tom with two touchpoints and has him accepted by sales. */
    private static Lead qualifiedTom(TenantScope scope) {
        Lead lead = scope.leads().capture(tom()).lead();
        scope.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.WEB_VISIT, Direction.INBOUND,
                lead.createdAt().minus(Duration.ofDays(1))).build());
        scope.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.EMAIL, Direction.OUTBOUND,
                lead.createdAt()).source("mailer", "tom-welcome").build());
        return scope.leads().acceptAsSalesQualified(lead.id(), UserId.of("alice"), new BantChecklist(
                BantItem.confirmed("yes"), BantItem.confirmed("yes"), BantItem.confirmed("yes"),
                BantItem.confirmed("yes"))).lead();
    }

    @Test
    void a_capture_is_stored_once_per_source_key() {
        TenantScope scope = Crm.builder().storage(storage).build().tenant(tenant);

        Lead first = scope.leads().capture(tom()).lead();
        var again = scope.leads().capture(tom());

        assertThat(again.outcome()).isEqualTo(CaptureOutcome.DUPLICATE_DELIVERY);
        assertThat(again.lead().id()).isEqualTo(first.id());
        assertThat(scope.leads().list(io.crmkit.lead.LeadQuery.ALL, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_conversion_commits_whole_and_converting_again_creates_nothing() {
        TenantScope scope = Crm.builder().storage(storage).build().tenant(tenant);
        Lead lead = qualifiedTom(scope);

        ConversionResult result = scope.leads().convert(lead.id(), REQUEST);
        ConversionResult again = scope.leads().convert(lead.id(), REQUEST);

        assertThat(scope.leads().get(lead.id()).status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(scope.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items()).hasSize(2);
        assertThat(scope.customers().relationships(result.customerId(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(scope.touchpoints().timeline(result.customerId(), PageRequest.first(10)).items()).hasSize(2);
        assertThat(scope.touchpoints().leadTimeline(lead.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(again.alreadyConverted()).isTrue();
        assertThat(again.conversion()).isEqualTo(result.conversion());
    }

    @Test
    void a_conversion_that_fails_at_any_write_leaves_no_customer_and_an_unconverted_lead() {
        // How many writes a conversion makes: counted on a fresh tenant of the same storage.
        FailingWrites counting = new FailingWrites(storage);
        TenantScope twin = Crm.builder().storage(counting).build().tenant(freshTenant());
        Lead twinLead = qualifiedTom(twin);
        counting.failAt(Integer.MAX_VALUE);
        twin.leads().convert(twinLead.id(), REQUEST);
        int writes = counting.writes();
        assertThat(writes).as("writes of one conversion").isGreaterThanOrEqualTo(5);

        FailingWrites failing = new FailingWrites(storage);
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        TenantScope scope = Crm.builder().storage(failing).listener(events::add).build().tenant(tenant);
        Lead lead = qualifiedTom(scope);
        scope.customers().register(CustomerRegistration.organisation("Unrelated Ltd").build());
        int eventsBefore = events.size();

        for (int n = 1; n <= writes; n++) {
            failing.failAt(n);
            assertThatThrownBy(() -> scope.leads().convert(lead.id(), REQUEST))
                    .as("conversion with the storage failing at write %d of %d", n, writes)
                    .isInstanceOf(StorageException.class);

            assertThat(scope.leads().get(lead.id())).as("the lead after a failure at write %d", n).isEqualTo(lead);
            assertThat(scope.customers().list(CustomerQuery.ALL, PageRequest.first(10)).items())
                    .as("customers after a failure at write %d", n).hasSize(1);
            assertThat(scope.touchpoints().leadTimeline(lead.id(), PageRequest.first(10)).items())
                    .as("the lead's touchpoints after a failure at write %d", n).hasSize(2);
            assertThat(events).as("events after a failure at write %d", n).hasSize(eventsBefore);
        }
        failing.failAt(Integer.MAX_VALUE);
        assertThat(scope.leads().convert(lead.id(), REQUEST).customerCreated()).isTrue();
    }

    /**
     * The adapter's storage, with every write of its stores counted and the n-th one failing with a
     * {@link StorageException} before it reaches the adapter.
     */
    private static final class FailingWrites implements CrmStorage {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "insertAll",
                "moveLeadTouchpoints", "claimSource", "appendHistory", "nextInSequence", "saveSettings", "append");

        private final CrmStorage inner;
        private int writes;
        private int failAt = Integer.MAX_VALUE;

        FailingWrites(CrmStorage inner) {
            this.inner = inner;
        }

        synchronized void failAt(int n) {
            writes = 0;
            failAt = n;
        }

        synchronized int writes() {
            return writes;
        }

        private synchronized void write(String method) {
            writes++;
            if (writes == failAt) {
                throw new StorageException("the kit injected a failure at write " + writes + " (" + method + ")");
            }
        }

        private <S> S wrap(Class<S> port, S store) {
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                    (proxy, method, args) -> {
                        if (WRITES.contains(method.getName())) {
                            write(port.getSimpleName() + "." + method.getName());
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }

        @Override
        public CustomerStore customers() {
            return wrap(CustomerStore.class, inner.customers());
        }

        @Override
        public RelationshipStore relationships() {
            return wrap(RelationshipStore.class, inner.relationships());
        }

        @Override
        public TouchpointStore touchpoints() {
            return wrap(TouchpointStore.class, inner.touchpoints());
        }

        @Override
        public LeadStore leads() {
            return wrap(LeadStore.class, inner.leads());
        }

        @Override
        public PipelineStore pipelines() {
            return wrap(PipelineStore.class, inner.pipelines());
        }

        @Override
        public DealStore deals() {
            return wrap(DealStore.class, inner.deals());
        }

        @Override
        public TaskStore tasks() {
            return wrap(TaskStore.class, inner.tasks());
        }

        @Override
        public <T> T inTransaction(TenantId tenant, UnitOfWork<T> work) {
            return inner.inTransaction(tenant, work);
        }
    }
}
