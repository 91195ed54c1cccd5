package io.crmkit.internal;

import io.crmkit.shared.DomainEventListener;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.CrmStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What every service of a {@code Crm} shares: storage, clock, ids, validation, cursors and event delivery. */
public final class CrmRuntime {

    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final String defaultRegion;
    private final InputValidator validator;
    private final CursorCodec cursors;
    private final EventDispatcher events;
    private final LeadDefaults leadDefaults;

    public CrmRuntime(CrmStorage storage, Clock clock, IdGenerator ids, String defaultRegion,
                      List<DomainEventListener> listeners, byte[] cursorSecret) {
        this(storage, clock, ids, defaultRegion, listeners, cursorSecret, LeadDefaults.STANDARD);
    }

    public CrmRuntime(CrmStorage storage, Clock clock, IdGenerator ids, String defaultRegion,
                      List<DomainEventListener> listeners, byte[] cursorSecret, LeadDefaults leadDefaults) {
        this.leadDefaults = Objects.requireNonNull(leadDefaults, "leadDefaults");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "idGenerator");
        this.defaultRegion = defaultRegion;
        this.validator = InputValidator.create();
        this.cursors = new CursorCodec(cursorSecret);
        this.events = new EventDispatcher(listeners);
    }

    public CrmStorage storage() {
        return storage;
    }

    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public InputValidator validator() {
        return validator;
    }

    public CursorCodec cursors() {
        return cursors;
    }

    /** The builder's lead options. */
    public LeadDefaults leadDefaults() {
        return leadDefaults;
    }

    /**
     * Runs {@code work} as one unit of work of {@code tenant}; the events it adds to its buffer are delivered after
     * the commit, and dropped if it fails.
     */
    public <T> T write(TenantId tenant, Function<EventBuffer, T> work) {
        return storage.inTransaction(tenant, tx -> {
            EventBuffer buffer = new EventBuffer(ids);
            T result = work.apply(buffer);
            var committed = buffer.drain();
            if (!committed.isEmpty() && events.hasListeners()) {
                tx.afterCommit(() -> events.publish(committed));
            }
            return result;
        });
    }
}
