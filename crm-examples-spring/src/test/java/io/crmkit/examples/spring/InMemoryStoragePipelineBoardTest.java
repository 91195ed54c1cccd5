package io.crmkit.examples.spring;

import io.crmkit.Crm;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.spi.CrmStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The pipeline board endpoint on crmkit's in-memory storage, for as long as the JDBC storage does not store pipelines
 * (it answers 501 there; {@link ShopApplicationContract} checks that, and runs the same scenario on the database
 * once it does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InMemoryStoragePipelineBoardTest.InMemoryStorage.class)
class InMemoryStoragePipelineBoardTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryStorage {
        @Bean
        @Primary
        CrmStorage inMemoryStorage() {
            return new InMemoryCrmStorage();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Crm crm;

    @Test
    void the_board_shows_count_total_and_weighted_total_per_stage_and_currency() {
        PipelineBoardScenario.run(crm, new Http(port));
    }
}
