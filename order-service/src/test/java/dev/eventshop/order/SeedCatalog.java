package dev.eventshop.order;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.messaging.EventRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The contract's seed products, and a way to publish events as the services that own them would. Until an
 * inventory-service publishes the catalog, tests publish it themselves.
 */
public final class SeedCatalog {

    public static final List<ProductUpdated> PRODUCTS = List.of(
            product("KB-001", "Mechanical keyboard", "89.00", 100),
            product("MS-002", "Wireless mouse", "29.00", 100),
            product("MN-003", "27-inch monitor", "249.00", 50),
            product("HB-004", "USB-C hub", "39.00", 100),
            product("CB-005", "Limited edition cable", "9.00", 5),
            product("LS-006", "Laptop stand", "45.00", 0));

    private SeedCatalog() {
    }

    /** A producer of records as {@link EventRecords} shapes them; the caller closes it. */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends an event with the given id and time, and waits until the broker has it. */
    public static void send(KafkaProducer<String, byte[]> producer, IntegrationEvent event,
            UUID eventId, Instant time) {
        try {
            producer.send(EventRecords.toProducerRecord(event, eventId, time, null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    private static ProductUpdated product(String sku, String name, String price, int stock) {
        return new ProductUpdated(new Sku(sku), name, Money.of(price, "EUR"), stock, 0,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
