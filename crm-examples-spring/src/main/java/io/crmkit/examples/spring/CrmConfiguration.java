package io.crmkit.examples.spring;

import io.crmkit.Crm;
import io.crmkit.jdbc.ConnectionProvider;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.spi.CrmStorage;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * crmkit inside a Spring application: the storage on the application's DataSource (Spring Boot's HikariCP pool),
 * taking part in Spring-managed transactions, and one {@link Crm} for the whole application.
 */
@Configuration(proxyBeanMethods = false)
public class CrmConfiguration {

    /**
     * crmkit's JDBC storage on the application's DataSource. At start it uses the DataSource directly to find out
     * which database it is and to run its migrations (history table {@code crm_schema_history}, never the
     * application's own). Afterwards it takes every connection from the {@link ConnectionProvider}:
     * <ul>
     *   <li>{@link TransactionAwareDataSourceProxy} hands out the connection of the current Spring transaction when
     *       one is open. crmkit sees that auto-commit is off, joins the transaction inside a savepoint and never
     *       commits, rolls back or closes it: Spring's commit or rollback decides for crmkit's rows as for the
     *       application's. Outside a transaction it hands out a fresh pooled connection, on which crmkit runs a
     *       transaction of its own.</li>
     *   <li>crmkit hands its after-commit callbacks (which deliver its domain events) to {@link #afterSpringCommit},
     *       so that events are delivered after <em>Spring's</em> commit, and never for a transaction Spring rolled
     *       back.</li>
     * </ul>
     */
    @Bean
    public CrmStorage crmStorage(DataSource dataSource) {
        return JdbcCrmStorage.builder(dataSource)
                .connectionProvider(ConnectionProvider.transactionAware(
                        new TransactionAwareDataSourceProxy(dataSource), CrmConfiguration::afterSpringCommit))
                .build();
    }

    /**
     * Runs {@code callback} once the current Spring transaction has committed. crmkit calls this only for a unit of
     * work that joined a transaction the host has open, and with Spring's transaction managers that means
     * synchronization is active; the {@code else} branch is for a transaction begun on the connection by hand.
     */
    static void afterSpringCommit(Runnable callback) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    callback.run();
                }
            });
        } else {
            callback.run();
        }
    }

    /**
     * The application's one {@link Crm}. Its domain events become Spring application events: any bean can react to
     * them with {@code @EventListener} (see {@link PurchaseThankYou}). They arrive after the commit, from inside
     * Spring's {@code afterCommit} phase: a listener that writes to the database must do so in a new transaction
     * ({@code @Transactional(propagation = REQUIRES_NEW)}), as Spring documents for that phase.
     *
     * @param cursorSecret the secret that signs page cursors; give every instance of the application the same one
     *                     (from your secret store) so that a cursor one instance issued is accepted by the others and
     *                     after a restart. Without it, each start makes a random one.
     */
    @Bean
    public Crm crm(CrmStorage storage, ApplicationEventPublisher events,
                   @Value("${shop.crm.default-region:GB}") String defaultRegion,
                   @Value("${shop.crm.cursor-secret:}") String cursorSecret) {
        Crm.Builder builder = Crm.builder()
                .storage(storage)
                .defaultRegion(defaultRegion)
                .listener(events::publishEvent);
        if (!cursorSecret.isEmpty()) {
            builder.cursorSecret(cursorSecret.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
