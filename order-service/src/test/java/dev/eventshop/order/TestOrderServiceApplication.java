package dev.eventshop.order;

import dev.eventshop.testsupport.Infrastructure;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the order-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs) and with the seed catalog published: {@code ./mvnw -pl order-service
 * spring-boot:test-run}, then {@code curl -i -H 'Content-Type: application/json' -d '{"customerId": "alice", "items":
 * [{"sku": "KB-001", "quantity": 2}]}' localhost:8081/orders}. No other service runs, so orders stay PENDING.
 */
public class TestOrderServiceApplication {

    public static void main(String[] args) {
        Infrastructure infrastructure = Infrastructure.get();
        String database = infrastructure.createDatabase("orders");
        String[] withInfrastructure = Stream.concat(Stream.of(
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()), Stream.of(args))
                .toArray(String[]::new);
        SpringApplication.from(OrderServiceApplication::main).with(SeedCatalogOnStart.class).run(withInfrastructure);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SeedCatalogOnStart {

        @Bean
        ApplicationRunner publishSeedCatalog(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return args -> {
                try (KafkaProducer<String, byte[]> producer = SeedCatalog.producer(bootstrapServers)) {
                    SeedCatalog.PRODUCTS.forEach(
                            product -> SeedCatalog.send(producer, product, UUID.randomUUID(), Instant.now()));
                }
            };
        }
    }
}
