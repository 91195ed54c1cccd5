package io.crmkit.jdbc.testing;

/** The databases the JDBC adapter is tested on. */
public enum DatabaseKind {
    H2, POSTGRESQL, MARIADB
}
