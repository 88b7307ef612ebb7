package dev.eventshop.inventory;

import dev.eventshop.testsupport.Infrastructure;
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
        SpringApplication.from(InventoryServiceApplication::main)
                .run(Infrastructure.get().commandLine("inventory", args));
    }
}
