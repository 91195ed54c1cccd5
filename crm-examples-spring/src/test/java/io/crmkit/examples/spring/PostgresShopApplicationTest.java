package io.crmkit.examples.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop on PostgreSQL, in a schema of its own that is dropped afterwards. The server is the one the JDBC module's
 * tests use ({@code CRM_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}; default
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code root}); when it cannot be reached the tests are skipped with
 * a message, or fail if {@code CRM_TEST_REQUIRE_DATABASES=true} (as in CI). See DEVELOPERS.md.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresShopApplicationTest extends ShopApplicationContract {

    private static final String URL = env("CRM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("CRM_TEST_POSTGRES_USER", "root");
    private static final String PASSWORD = env("CRM_TEST_POSTGRES_PASSWORD", "");
    private static final String SCHEMA = "shop_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static boolean created;

    @BeforeAll
    static void createSchema() {
        Connection connection;
        try {
            connection = DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); set CRM_TEST_POSTGRES_URL/_USER/_PASSWORD to test on it (see DEVELOPERS.md)";
            if ("true".equalsIgnoreCase(System.getenv("CRM_TEST_REQUIRE_DATABASES"))) {
                throw new IllegalStateException(message + "; CRM_TEST_REQUIRE_DATABASES=true makes this a failure",
                        e);
            }
            Assumptions.abort(message + "; skipped");
            return;
        }
        execute(connection, "CREATE SCHEMA " + SCHEMA);
        created = true;
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!created) {
            return; // skipped: the server was not reachable
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            execute(connection, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** The application's DataSource: a HikariCP pool on the test schema, exactly as a deployment would give it. */
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        properties.add("spring.datasource.username", () -> USER);
        properties.add("spring.datasource.password", () -> PASSWORD);
    }

    private static void execute(Connection connection, String sql) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
