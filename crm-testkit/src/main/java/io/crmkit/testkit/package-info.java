/**
 * The storage contract kit: the tests every crmkit storage adapter runs to prove that it keeps the storage SPI
 * ({@link io.crmkit.spi}).
 *
 * <h2>What to write</h2>
 *
 * Add {@code io.crmkit:crm-testkit} to the adapter's test dependencies and write, in its test sources, one short
 * subclass that says how to make the storage:
 *
 * <pre>{@code
 * class JdbcCrmStorageCompatibilityTest extends CrmStorageCompatibilityKit {
 *
 *     private static final DataSource DATA_SOURCE = TestDatabase.dataSource();   // once per JVM
 *     private static final CrmStorage STORAGE = JdbcCrmStorage.create(DATA_SOURCE);
 *
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return STORAGE;     // shared: every test works in tenants of its own
 *     }
 * }
 * }</pre>
 *
 * {@link io.crmkit.testkit.CrmStorageCompatibilityKit} runs everything. To run, report or exclude the parts
 * separately, write one subclass per contract instead, each with the same method:
 * <ul>
 *   <li>{@link io.crmkit.testkit.CustomerStoreContract}: customers round-trip every value; optimistic versions;
 *       look-ups by e-mail and phone; filtered lists paged by keyset;</li>
 *   <li>{@link io.crmkit.testkit.RelationshipStoreContract}: relationships round-trip; read from both ends; found by
 *       (from, type, to); deleted;</li>
 *   <li>{@link io.crmkit.testkit.TouchpointStoreContract}: touchpoints round-trip; idempotent ingestion, also from
 *       several threads; the newest-first timeline, its filters and keyset continuation; activity; lapsed
 *       buyers;</li>
 *   <li>{@link io.crmkit.testkit.PipelineStoreContract}: pipelines round-trip with their stages in order; optimistic
 *       versions; lists; the tenant's pipeline settings;</li>
 *   <li>{@link io.crmkit.testkit.DealStoreContract}: deals and their history entries round-trip; optimistic versions,
 *       also for concurrent stage moves; the append-only history; the board, owner, customer, close-date and
 *       stalled lists; the figures against a recomputation from the raw deals; the public API on the storage;</li>
 *   <li>{@link io.crmkit.testkit.TaskStoreContract}: tasks round-trip; optimistic versions; the open lists by due
 *       instant and bounds; the tasks of a customer, lead or deal;</li>
 *   <li>{@link io.crmkit.testkit.CrmStorageContract}: units of work commit together or leave nothing; after-commit
 *       callbacks; nested units of work; tenant isolation through every read and write; the public
 *       {@link io.crmkit.Crm} API end to end on the storage, with events only after commit;</li>
 *   <li>{@link io.crmkit.testkit.CrmStoragePropertiesContract}: the same rules on random data: round trips, paging
 *       under concurrent inserts, random writes to two colliding tenants checked against a model, random failing
 *       units of work;</li>
 *   <li>{@link io.crmkit.testkit.LeadStoreContract}: leads round-trip every value; optimistic versions; capture
 *       source keys claimed once, also from several threads; look-ups by e-mail and phone; filtered lists; the
 *       append-only status history; sequences; settings; tenant isolation;</li>
 *   <li>{@link io.crmkit.testkit.LeadTouchpointsContract}: touchpoints of a lead round-trip, are in the lead's
 *       timeline and no customer's, and move to a customer whole or not at all;</li>
 *   <li>{@link io.crmkit.testkit.LeadConversionContract}: capture and conversion through the public API on the
 *       storage; a conversion failing at any write leaves nothing behind.</li>
 * </ul>
 * Name the subclasses so that the build's test runner finds them (Surefire's defaults: {@code *Test},
 * {@code *Tests}; crmkit's build also takes {@code *Properties}).
 *
 * <h2>The storage under test</h2>
 *
 * {@link io.crmkit.testkit.AbstractStorageContract#createStorage() createStorage()} is called before every test, and
 * {@link io.crmkit.testkit.AbstractStorageContract#disposeStorage disposeStorage} after it. It may return a new,
 * empty storage each time, or the same storage over the same database every time: every test, and every try of a
 * property, reads and writes only tenants of its own ({@code kit-} and a random UUID), so the only requirement is
 * that a tenant nobody wrote to reads as empty. Make expensive things (a connection pool, migrations) once per JVM,
 * not per test. The kit stores every customer that a relationship or a touchpoint refers to before writing it, so
 * an adapter may enforce that with foreign keys, or not.
 *
 * <h2>Properties and generators</h2>
 *
 * The properties run on plain JUnit 5 with the seeded runner {@link io.crmkit.testkit.generators.Tries}: a failure
 * reports the seed that repeats it ({@code -Dcrmkit.testkit.seed=...}), and {@code -Dcrmkit.testkit.tries=10} runs
 * ten times as many tries. The random domain values come from
 * {@link io.crmkit.testkit.generators.CrmGenerators}, which adapter authors can use in tests of their own.
 */
package io.crmkit.testkit;
