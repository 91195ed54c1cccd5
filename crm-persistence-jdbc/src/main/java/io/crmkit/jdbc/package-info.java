/**
 * crmkit's JDBC storage adapter: {@link io.crmkit.jdbc.JdbcCrmStorage} for PostgreSQL, MariaDB/MySQL and H2, and
 * {@link io.crmkit.jdbc.ConnectionProvider} for joining the host's transactions. Everything under
 * {@code io.crmkit.jdbc.internal} is implementation detail.
 */
package io.crmkit.jdbc;
