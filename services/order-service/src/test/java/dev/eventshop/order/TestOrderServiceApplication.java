package dev.eventshop.order;

import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.Infrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the order-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs) and with the seed catalog published: {@code ./mvnw -pl order-service
 * spring-boot:test-run}, then {@code curl -i -H 'Content-Type: application/json' -d '{"customerId": "alice", "items":
 * [{"sku": "KB-001", "quantity": 2}]}' localhost:8081/orders}. No other service runs, so orders stay PENDING until
 * the saga's deadline (two minutes) cancels them.
 */
public class TestOrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.from(OrderServiceApplication::main).with(SeedCatalogOnStart.class)
                .run(Infrastructure.get().commandLine("orders", args));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SeedCatalogOnStart {

        @Bean
        ApplicationRunner publishSeedCatalog(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return args -> {
                try (EventInjector events = new EventInjector(bootstrapServers, EventRecords::toProducerRecord)) {
                    events.publishAll(SeedCatalog.PRODUCTS);
                }
            };
        }
    }
}
