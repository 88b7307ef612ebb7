package dev.eventshop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Registers the connection properties of {@link Infrastructure} for one application context. */
@TestConfiguration(proxyBeanMethods = false)
class RealInfrastructureConfiguration {

    @Bean
    static DynamicPropertyRegistrar realInfrastructureProperties() {
        Infrastructure infrastructure = Infrastructure.get();
        String database = infrastructure.createDatabase("test");
        return registry -> {
            registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl(database));
            registry.add("spring.datasource.username", infrastructure::username);
            registry.add("spring.datasource.password", infrastructure::password);
            registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        };
    }
}
