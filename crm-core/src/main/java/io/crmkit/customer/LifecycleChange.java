package io.crmkit.customer;

/**
 * What happened when a customer's lifecycle stage was asked to move: it {@link Advanced}, it was already there
 * ({@link Unchanged}), or the move was {@link Refused} because it would go backwards. A refusal is a value, not an
 * exception: it is a normal outcome that the caller decides about.
 */
public sealed interface LifecycleChange {

    /** The customer after the call (unchanged unless {@link Advanced}). */
    Customer customer();

    /** Whether the move was refused. */
    default boolean isRefused() {
        return this instanceof Refused;
    }

    /** The stage moved from {@code from} to {@code to}. */
    record Advanced(Customer customer, LifecycleStage from, LifecycleStage to) implements LifecycleChange {
    }

    /** The customer already was in the requested stage; nothing changed. */
    record Unchanged(Customer customer) implements LifecycleChange {
    }

    /** The move from {@code from} to {@code requested} was refused for {@code reason}; nothing changed. */
    record Refused(Customer customer, LifecycleStage from, LifecycleStage requested, String reason)
            implements LifecycleChange {
    }
}
