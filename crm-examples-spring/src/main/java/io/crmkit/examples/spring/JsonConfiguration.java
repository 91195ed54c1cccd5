package io.crmkit.examples.spring;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.jackson.CrmModule;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON for the whole HTTP API through one Jackson 2 {@link ObjectMapper} that has crm-jackson's {@link CrmModule}.
 *
 * <p><b>Why Jackson 2 in a Spring Boot 4 application.</b> Spring Boot 4 writes JSON with Jackson 3
 * ({@code tools.jackson}), while crm-jackson, like most libraries today, is a Jackson 2 module: the two are separate
 * libraries with separate packages, and a Jackson 2 module cannot be registered with a Jackson 3 mapper. The choices:
 * <ol>
 *   <li>Spring Boot's Jackson 2 support ({@code spring-boot-jackson2}) and Spring's
 *       {@code MappingJackson2HttpMessageConverter}: both deprecated for removal since Boot 4.0 / Spring 7.0;</li>
 *   <li>two mappers, Jackson 3 for the application's types and Jackson 2 for crmkit's: two sets of rules, and
 *       crmkit's values inside the application's records would be written by the wrong one;</li>
 *   <li>one Jackson 2 mapper for all of the API, plugged into Spring MVC through a small converter of our own,
 *       {@link Jackson2JsonHttpMessageConverter}, built on Spring's non-deprecated converter base class.</li>
 * </ol>
 * This application takes the third: Jackson 3 is excluded from the build (see the POM), nothing deprecated is used,
 * and every crmkit value reads and writes exactly as crm-jackson documents (ids as strings, {@code Money} as
 * {@code {"amount":"42.50","currency":"GBP"}}, instants in ISO-8601 UTC). When crmkit ships a Jackson 3 module, this
 * class shrinks to registering it with Spring Boot's mapper.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration implements WebMvcConfigurer {

    private final ObjectMapper mapper = objectMapper();

    /**
     * The mapper: crmkit's module, {@code java.time} for the application's own records, ISO-8601 strings rather than
     * numbers for dates, exact decimals, and RFC 9457 problem details with their extension members (such as
     * {@code violations}) at the top level. Unknown properties in requests are refused, so that a misspelt field is a
     * 400 and not silently ignored (the order webhook, whose payload the platform extends over time, opts out).
     */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new CrmModule())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                // The servlet container owns the response stream: Jackson must not close it.
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    /** The mapper, for code of the application that reads or writes JSON itself. */
    @Bean
    public ObjectMapper crmObjectMapper() {
        return mapper;
    }

    /** Spring MVC reads and writes JSON (and {@code application/problem+json}) with the mapper above. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new Jackson2JsonHttpMessageConverter(mapper));
    }

    /** crmkit's ids in paths and query parameters: {@code /customers/{id}}. A malformed id is a 400. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CustomerId.class, CustomerId::parse);
        registry.addConverter(String.class, DealId.class, DealId::parse);
    }
}
