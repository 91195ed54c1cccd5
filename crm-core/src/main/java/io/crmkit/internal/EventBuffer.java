package io.crmkit.internal;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.IdGenerator;
import java.util.ArrayList;
import java.util.List;

/** The events of one unit of work, held back until it commits. */
public final class EventBuffer {

    private final IdGenerator ids;
    private final List<DomainEvent> events = new ArrayList<>();

    EventBuffer(IdGenerator ids) {
        this.ids = ids;
    }

    /** A new event id. */
    public EventId nextId() {
        return new EventId(ids.next());
    }

    /** Adds an event, to be delivered after commit. */
    public void add(DomainEvent event) {
        events.add(event);
    }

    List<DomainEvent> drain() {
        List<DomainEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
