/**
 * Random domain values and a seeded property runner, for the kit's properties and for adapter authors' own tests.
 *
 * <ul>
 *   <li>{@link io.crmkit.testkit.generators.Gen}: a generator is a function of a {@link java.util.Random}; the same
 *       seed makes the same values, in any test framework.</li>
 *   <li>{@link io.crmkit.testkit.generators.CrmGenerators}: valid values of every type a storage adapter stores
 *       (customers and their next versions, touchpoints, relationships, attribute values, money, instants, ids),
 *       leaning towards the values that break storage.</li>
 *   <li>{@link io.crmkit.testkit.generators.Tries}: runs a property a number of times with seeded randomness and
 *       reports the seed of a failure.</li>
 * </ul>
 *
 * <pre>{@code
 * @Test
 * void customersSurviveMyCache() {
 *     Tries.check(100, random -> {
 *         Customer customer = CrmGenerators.customers(tenant).next(random);
 *         cache.put(customer);
 *         assertThat(cache.get(customer.id())).contains(customer);
 *     });
 * }
 * }</pre>
 */
package io.crmkit.testkit.generators;
