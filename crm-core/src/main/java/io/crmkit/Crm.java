package io.crmkit;

import io.crmkit.customer.Customers;
import io.crmkit.internal.CrmRuntime;
import io.crmkit.internal.LeadDefaults;
import io.crmkit.lead.DuplicatePolicy;
import io.crmkit.lead.LeadAssignmentStrategy;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.Leads;
import io.crmkit.pipeline.Deals;
import io.crmkit.pipeline.Pipelines;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.DomainEventListener;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.CrmStorage;
import io.crmkit.task.Tasks;
import io.crmkit.touchpoint.Touchpoints;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The entry point of crmkit: one per storage, built once, thread-safe, shared by the whole application.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(new InMemoryCrmStorage())
 *         .defaultRegion("GB")
 *         .listener(event -> log.info("crm: {}", event))
 *         .build();
 *
 * Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller")
 *         .email("sarah@example.com").phone("07700 900123").build());
 * }</pre>
 *
 * <p>Every call runs for one tenant. Multi-tenant hosts call {@link #tenant(TenantId)} and work through the
 * returned {@link TenantScope}; single-tenant hosts use the shortcuts {@link #customers()},
 * {@link #touchpoints()}, {@link #leads()}, {@link #pipelines()}, {@link #deals()} and {@link #tasks()}, which
 * work on {@link TenantId#DEFAULT}.
 */
public final class Crm {

    private final CrmRuntime runtime;
    private final TenantScope defaultScope;

    private Crm(CrmRuntime runtime) {
        this.runtime = runtime;
        this.defaultScope = new TenantScope(runtime, TenantId.DEFAULT);
    }

    /** A builder; only {@link Builder#storage(CrmStorage)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Everything of {@code tenant}.
     *
     * @throws InvalidInputException if {@code tenant} is null
     */
    public TenantScope tenant(TenantId tenant) {
        if (tenant == null) {
            throw InvalidInputException.of("tenantId", "must not be null");
        }
        // Scopes are two small objects: made per call rather than cached, so that hosts with very many tenants
        // do not accumulate them.
        return tenant.equals(TenantId.DEFAULT) ? defaultScope : new TenantScope(runtime, tenant);
    }

    /** Everything of the tenant with key {@code tenant}; see {@link TenantId} for valid keys. */
    public TenantScope tenant(String tenant) {
        return tenant(TenantId.of(tenant));
    }

    /** The customers of the default tenant. */
    public Customers customers() {
        return defaultScope.customers();
    }

    /** The touchpoints of the default tenant. */
    public Touchpoints touchpoints() {
        return defaultScope.touchpoints();
    }

    /** The leads of the default tenant. */
    public Leads leads() {
        return defaultScope.leads();
    }

    /** The pipelines of the default tenant. */
    public Pipelines pipelines() {
        return defaultScope.pipelines();
    }

    /** The deals of the default tenant. */
    public Deals deals() {
        return defaultScope.deals();
    }

    /** The tasks of the default tenant. */
    public Tasks tasks() {
        return defaultScope.tasks();
    }

    /** The storage this {@code Crm} runs on. */
    public CrmStorage storage() {
        return runtime.storage();
    }

    /** Builds a {@link Crm}. */
    public static final class Builder {

        private static final Set<String> REGIONS =
                com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions();

        private CrmStorage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator idGenerator;
        private String defaultRegion;
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private byte[] cursorSecret;
        private DuplicatePolicy leadDuplicatePolicy = DuplicatePolicy.FLAG;
        private LeadAssignmentStrategy leadAssignment = LeadAssignmentStrategy.none();
        private LeadSettings leadSettings = LeadSettings.defaults();

        private Builder() {
        }

        /**
         * The storage adapter: {@code new InMemoryCrmStorage()}, {@code JdbcCrmStorage.create(dataSource)}, ...
         *
         * @throws InvalidInputException if {@code storage} is null (so do the other setters for null arguments)
         */
        public Builder storage(CrmStorage storage) {
            this.storage = required("storage", storage);
            return this;
        }

        /** The clock all timestamps come from; {@link Clock#systemUTC()} by default. */
        public Builder clock(Clock clock) {
            this.clock = required("clock", clock);
            return this;
        }

        /** The generator of all ids; version-7 UUIDs from the clock by default. */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = required("idGenerator", idGenerator);
            return this;
        }

        /**
         * The ISO 3166 region ({@code "GB"}, {@code "DE"}) in which phone numbers typed without a country code are
         * read. Without one, such numbers are refused.
         *
         * @throws InvalidInputException if libphonenumber does not know the region
         */
        public Builder defaultRegion(String region) {
            String code = region == null ? null : region.toUpperCase(Locale.ROOT);
            if (code != null && !REGIONS.contains(code)) {
                throw InvalidInputException.of("defaultRegion", "'" + region + "' is not a region libphonenumber knows");
            }
            this.defaultRegion = code;
            return this;
        }

        /** Adds a listener for the events of committed units of work. */
        public Builder listener(DomainEventListener listener) {
            listeners.add(required("listener", listener));
            return this;
        }

        /** Adds a listener for events of {@code type} only. */
        public <E extends DomainEvent> Builder listener(Class<E> type, Consumer<? super E> listener) {
            if (type == null || listener == null) {
                Violations violations = new Violations();
                if (type == null) {
                    violations.add("type", "must not be null");
                }
                if (listener == null) {
                    violations.add("listener", "must not be null");
                }
                violations.throwIfAny();
            }
            return listener(DomainEventListener.of(type, listener));
        }

        private static <T> T required(String path, T value) {
            if (value == null) {
                throw InvalidInputException.of(path, "must not be null");
            }
            return value;
        }

        /**
         * The secret that signs page cursors, at least 16 bytes. Hosts that run several instances behind one API,
         * or that want cursors to survive a restart, give all instances the same secret. Without one, a random
         * secret is made per {@code Crm}, and cursors are valid only for the {@code Crm} that issued them.
         */
        public Builder cursorSecret(byte[] secret) {
            if (secret == null || secret.length < 16) {
                throw InvalidInputException.of("cursorSecret", "must be at least 16 bytes");
            }
            this.cursorSecret = secret.clone();
            return this;
        }

        /**
         * What a lead capture does when an existing customer or open lead has the same e-mail or phone and the
         * capture does not say: {@link DuplicatePolicy#FLAG} (create a new lead flagged as a possible duplicate)
         * unless set.
         */
        public Builder leadDuplicatePolicy(DuplicatePolicy policy) {
            this.leadDuplicatePolicy = required("leadDuplicatePolicy", policy);
            return this;
        }

        /**
         * How a captured lead without an explicit owner gets one (e.g.
         * {@link LeadAssignmentStrategy#roundRobin}); none unless set.
         */
        public Builder leadAssignment(LeadAssignmentStrategy strategy) {
            this.leadAssignment = required("leadAssignment", strategy);
            return this;
        }

        /**
         * The lead settings (disqualification reasons, MQL rule, SQL policy, scoring model) of every tenant that
         * has not stored its own with {@link Leads#configure}; {@link LeadSettings#defaults()} unless set.
         */
        public Builder leadSettings(LeadSettings settings) {
            this.leadSettings = required("leadSettings", settings);
            return this;
        }

        /**
         * The {@link Crm}.
         *
         * @throws IllegalStateException if no storage was given or no Bean Validation provider is on the class path
         */
        public Crm build() {
            if (storage == null) {
                throw new IllegalStateException("Crm.builder() needs a storage: .storage(new InMemoryCrmStorage())"
                        + " or .storage(JdbcCrmStorage.create(dataSource))");
            }
            byte[] secret = cursorSecret;
            if (secret == null) {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
            }
            IdGenerator ids = idGenerator != null ? idGenerator : IdGenerator.uuidV7(clock);
            return new Crm(new CrmRuntime(storage, clock, ids, defaultRegion, listeners, secret,
                    new LeadDefaults(leadDuplicatePolicy, leadAssignment, leadSettings)));
        }
    }
}
