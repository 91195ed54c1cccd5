package io.crmkit.shared;

/**
 * Receives the {@link DomainEvent}s of committed units of work. Registered on the {@code Crm} builder.
 *
 * <p>Listeners run on the thread that committed, after the commit, one event at a time. An exception thrown by a
 * listener is logged and does not reach the caller (the change has already committed) nor other listeners.
 */
@FunctionalInterface
public interface DomainEventListener {

    /** Called once per event of a committed unit of work. */
    void on(DomainEvent event);

    /** A listener that receives only events of {@code type}. */
    static <E extends DomainEvent> DomainEventListener of(Class<E> type, java.util.function.Consumer<? super E> consumer) {
        return event -> {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        };
    }
}
