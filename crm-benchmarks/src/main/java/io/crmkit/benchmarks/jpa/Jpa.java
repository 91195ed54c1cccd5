package io.crmkit.benchmarks.jpa;

import io.crmkit.benchmarks.support.BenchDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.ValidationMode;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Hibernate ORM 7 configured the way a careful developer configures it for this work, on the benchmark's pooled
 * DataSource:
 * <ul>
 *   <li>{@code hibernate.jdbc.batch_size} = the chunk size (the same number of rows crmkit writes per statement),
 *       {@code hibernate.order_inserts} and {@code hibernate.order_updates} on;</li>
 *   <li>ids assigned by the application (time-ordered UUIDs), so inserts are never held back by an id generator;</li>
 *   <li>no schema generation, no statistics, no SQL logging, no second-level cache, Bean Validation off (the
 *       entities carry no constraints);</li>
 *   <li>on PostgreSQL the pool's {@code reWriteBatchedInserts=true} (see {@link BenchDatabase}).</li>
 * </ul>
 */
public final class Jpa {

    private Jpa() {
    }

    /** An EntityManagerFactory on {@code db} for {@code entities}. */
    public static EntityManagerFactory entityManagerFactory(BenchDatabase db, int batchSize, Class<?>... entities) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("crmbench")
                .managedClasses(entities)
                .property("hibernate.connection.datasource", db.dataSource())
                .property("hibernate.jdbc.batch_size", String.valueOf(batchSize))
                .property("hibernate.order_inserts", "true")
                .property("hibernate.order_updates", "true")
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.generate_statistics", "false")
                .property("hibernate.show_sql", "false")
                .property("hibernate.cache.use_second_level_cache", "false")
                .validationMode(ValidationMode.NONE);
        if (db.schema() != null) {
            config.defaultSchema(db.schema());
        }
        return config.createEntityManagerFactory();
    }
}
