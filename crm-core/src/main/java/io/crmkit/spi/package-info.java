/**
 * The storage ports: what a storage adapter implements so that crmkit can keep its data anywhere.
 *
 * <p>An adapter implements {@link io.crmkit.spi.CrmStorage}, which bundles one store per aggregate
 * ({@link io.crmkit.spi.CustomerStore}, {@link io.crmkit.spi.RelationshipStore},
 * {@link io.crmkit.spi.TouchpointStore}, {@link io.crmkit.spi.LeadStore}, {@link io.crmkit.spi.PipelineStore},
 * {@link io.crmkit.spi.DealStore}, {@link io.crmkit.spi.TaskStore}) and the unit-of-work boundary
 * ({@link io.crmkit.spi.CrmStorage#inTransaction}). Rules every adapter follows:
 * <ul>
 *   <li><b>Tenants.</b> Every method takes the tenant explicitly, and reads and writes only that tenant's data. A
 *       record whose {@code tenantId} differs from the tenant argument is refused with
 *       {@link io.crmkit.shared.TenantViolationException}; so is a call for another tenant inside a unit of work.</li>
 *   <li><b>Units of work.</b> Everything done inside {@code inTransaction} commits together or not at all; a nested
 *       call on the same thread joins the open unit of work. After-commit callbacks run only after a commit.</li>
 *   <li><b>Optimistic versions.</b> Aggregates are saved whole; an update whose version is not exactly one more than
 *       the stored one fails with {@link io.crmkit.shared.ConcurrentModificationException} and changes nothing.</li>
 *   <li><b>Paging.</b> Nothing returns all rows: lists are {@link io.crmkit.spi.Slice}s after a keyset position,
 *       in an order the method documents. Adapters never page by offset.</li>
 *   <li><b>Errors.</b> An adapter's own exceptions (SQL, I/O) never leak: they become
 *       {@link io.crmkit.shared.StorageException} (or its retryable subclass) with context.</li>
 * </ul>
 * The contract kit, artifact {@code io.crmkit:crm-testkit}, checks all of this: an adapter proves itself by
 * subclassing its contract classes.
 */
package io.crmkit.spi;
