package io.crmkit.examples.spring;

/**
 * The shop on the database it uses when no URL is configured: an in-memory H2 database in a HikariCP pool, crmkit's
 * JDBC storage on it.
 */
class H2ShopApplicationTest extends ShopApplicationContract {
}
