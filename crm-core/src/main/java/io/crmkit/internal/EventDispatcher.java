package io.crmkit.internal;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.DomainEventListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers committed events to the listeners, isolating each listener's failures. */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<DomainEventListener> listeners;

    EventDispatcher(List<DomainEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void publish(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (DomainEventListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    // The change has committed; a listener's failure must not reach the caller or other listeners.
                    LOG.warn("crmkit event listener {} failed on {} {}: {}", listener, event.getClass().getSimpleName(),
                            event.eventId(), e.toString(), e);
                }
            }
        }
    }
}
