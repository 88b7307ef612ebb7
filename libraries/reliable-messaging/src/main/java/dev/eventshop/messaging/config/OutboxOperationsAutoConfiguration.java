package dev.eventshop.messaging.config;

import dev.eventshop.messaging.outbox.OutboxEndpoint;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.OutboxRelayHealthIndicator;
import dev.eventshop.messaging.outbox.ParkedRows;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operating the outbox: its parked rows, the {@code outbox} actuator endpoint that lists and releases them, and the
 * relay's health. The endpoint and the health indicator appear where the service has actuator on its class path.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
public class OutboxOperationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ParkedRows parkedOutboxRows(JdbcTemplate jdbc) {
        return new ParkedRows(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class OutboxEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxEndpoint outboxEndpoint(ParkedRows parking) {
            return new OutboxEndpoint(parking);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(OutboxRelay.class)
    static class OutboxRelayHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "outboxRelayHealthIndicator")
        OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
            return new OutboxRelayHealthIndicator(relay);
        }
    }
}
