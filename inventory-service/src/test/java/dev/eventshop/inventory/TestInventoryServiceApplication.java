package dev.eventshop.inventory;

import dev.eventshop.testsupport.Infrastructure;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * Starts the inventory-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs): {@code ./mvnw -pl inventory-service spring-boot:test-run}, then
 * {@code curl localhost:8082/products} or {@code curl -i -H 'Content-Type: application/json' -d '{"quantity": 10}'
 * localhost:8082/products/CB-005/restock}. It publishes the seed catalog on start; no other service runs, so no
 * order arrives.
 */
public class TestInventoryServiceApplication {

    public static void main(String[] args) {
        Infrastructure infrastructure = Infrastructure.get();
        String database = infrastructure.createDatabase("inventory");
        String[] withInfrastructure = Stream.concat(Stream.of(
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()), Stream.of(args))
                .toArray(String[]::new);
        SpringApplication.from(InventoryServiceApplication::main).run(withInfrastructure);
    }
}
