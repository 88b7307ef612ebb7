package dev.eventshop.web.idempotency;

import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a servlet service with a database {@link IdempotentRequests} for its endpoints to opt in with, the problem
 * details of its failures, the purge of old keys, the table of keys (a Flyway migration of its own), and the
 * {@code Idempotency-Key} header's description in the OpenAPI document. Off with
 * {@code eventshop.web.idempotency.enabled=false}.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = FlywayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = IdempotencyProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
@Import(IdempotencyProblems.class)
public class IdempotencyAutoConfiguration {

    /**
     * Where the table's migration lives. It is repeatable ({@code R__}), so it has no version that could clash with a
     * service's own, and it runs after them.
     */
    public static final String MIGRATIONS = "classpath:db/web";

    @Bean
    IdempotencyKeyStore idempotencyKeyStore(JdbcClient jdbc) {
        return new IdempotencyKeyStore(jdbc);
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyKeyStore keys, JsonMapper json,
            PlatformTransactionManager transactions) {
        return new IdempotentRequests(keys, json, transactions);
    }

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(IdempotencyKeyStore keys, IdempotencyProperties properties) {
        return new IdempotencyKeyPurge(keys, properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class Migrations {

        @Bean
        FlywayConfigurationCustomizer idempotencyKeyMigrations() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                Location web = new Location(MIGRATIONS);
                if (!locations.contains(web)) {
                    locations.add(web);
                }
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OperationCustomizer.class)
    static class Documentation {

        /** Describes the header wherever an operation takes it, the same way in every service. */
        @Bean
        OperationCustomizer idempotencyKeyHeader(IdempotencyProperties properties) {
            String description = """
                    Makes the request safe to retry: a retry with the same key and the same request gets the first \
                    answer again, with Idempotent-Replayed: true, and has no second effect. The same key with a \
                    different request is a 422, and while the first request is still in flight a 409. Keys are kept \
                    for %d hours; 1 to %d visible ASCII characters, for instance a UUID."""
                    .formatted(properties.retention().toHours(), IdempotencyKey.MAX_LENGTH);
            return (operation, handler) -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream()
                            .filter(parameter -> "header".equals(parameter.getIn())
                                    && IdempotencyKey.HEADER.equalsIgnoreCase(parameter.getName()))
                            .forEach(parameter -> parameter.description(description).schema(new StringSchema()
                                    .minLength(1).maxLength(IdempotencyKey.MAX_LENGTH).pattern("^[!-~]+$")));
                }
                return operation;
            };
        }
    }
}
