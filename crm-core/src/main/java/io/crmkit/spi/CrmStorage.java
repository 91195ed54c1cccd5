package io.crmkit.spi;

import io.crmkit.shared.TenantId;

/**
 * A storage adapter: one store per aggregate, and the unit-of-work boundary. See the {@linkplain io.crmkit.spi
 * package documentation} for the rules every adapter follows.
 */
public interface CrmStorage {

    /** The customers. */
    CustomerStore customers();

    /** The relationships between customers. */
    RelationshipStore relationships();

    /** The touchpoints and per-customer activity. */
    TouchpointStore touchpoints();

    /** The leads, their status history, capture source keys, settings and assignment sequences. */
    LeadStore leads();

    /** The pipelines and the tenants' pipeline settings. */
    PipelineStore pipelines();

    /** The deals and their stage histories. */
    DealStore deals();

    /** The tasks. */
    TaskStore tasks();

    /**
     * Runs {@code work} as one unit of work of {@code tenant}: everything it writes commits together, or, if it
     * throws, nothing of it remains and the exception propagates (adapters' own exceptions translated into
     * {@link io.crmkit.shared.StorageException}). A call on a thread that already runs a unit of work of the same
     * tenant joins it; of another tenant, is refused with {@link io.crmkit.shared.TenantViolationException}. A joined
     * (nested) unit of work that throws marks the whole unit of work for rollback: if the outer work catches the
     * exception and returns normally, nothing is committed and {@code inTransaction} throws
     * {@link io.crmkit.shared.StorageException}. After-commit callbacks run after the commit; one that throws is
     * logged, the others still run, and {@code inTransaction} returns normally.
     *
     * @return what {@code work} returned
     */
    <T> T inTransaction(TenantId tenant, UnitOfWork<T> work);
}
