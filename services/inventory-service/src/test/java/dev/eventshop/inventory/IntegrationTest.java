package dev.eventshop.inventory;

import static dev.eventshop.testsupport.TopicProbe.header;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.ConsumerGroup;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.ServiceIntegrationTest;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import tools.jackson.databind.JsonNode;

/**
 * The one context configuration of every inventory-service integration test, so that Spring starts the service once
 * per test run.
 *
 * <p>Tests publish the saga's events to Kafka as the order-service and the payment-service would, and wait until the
 * service's consumer group has committed past them: then their effects are in the database, or, for a duplicate, were
 * skipped. Each test works on its own orders; stock is compared before and after, and only {@code LastUnitsIT} touches
 * {@code CB-005}.
 */
@AutoConfigureTracing
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The service's consumer group: its {@code spring.application.name}. */
    private static final String CONSUMER_GROUP = "inventory-service";

    @AutoClose
    protected TopicProbe inventoryEvents;
    @AutoClose
    protected TopicProbe productCatalog;

    protected IntegrationTest() {
        super(EventRecords::toProducerRecord);
    }

    @BeforeEach
    void connect() {
        inventoryEvents = new TopicProbe(bootstrapServers, "inventory-events");
        productCatalog = new TopicProbe(bootstrapServers, "product-catalog");
    }

    /** Waits (bounded) until the service's consumer group has committed past every one of these records. */
    protected void awaitConsumed(Published... records) {
        awaitConsumed(List.of(records));
    }

    protected void awaitConsumed(List<Published> records) {
        try (ConsumerGroup group = new ConsumerGroup(bootstrapServers, CONSUMER_GROUP)) {
            group.awaitConsumed(records, PATIENCE);
        }
    }

    /** A product's stock as the API shows it. */
    protected Stock stock(String sku) {
        Http.Response response = http.get("/products/" + sku);
        if (response.status() != 200) {
            throw new AssertionError("no product " + sku + ": " + response);
        }
        JsonNode product = response.json();
        return new Stock(product.get("available").asInt(), product.get("reserved").asInt());
    }

    /** The status of the order's reservation, if it has one. */
    protected Optional<String> reservationStatus(OrderId orderId) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = :orderId").param("orderId", orderId.value())
                .query(String.class).optional();
    }

    /**
     * Every record of a type a probe has for a key, read once every change of the product the key names (if it names
     * one) was announced, the relay has published every event appended for that key so far and the topic has gone
     * quiet: a test can count them, to show that something happened only once.
     */
    protected List<ConsumerRecord<String, byte[]>> allPublished(TopicProbe probe, String key, String type) {
        await("every change of " + key + " announced and published").atMost(PATIENCE)
                .until(() -> announced(key) && outboxDrainedFor(key));
        probe.drain(Duration.ofMillis(500));
        return probe.matching(record -> key.equals(record.key()) && type.equals(header(record, "ce_type")));
    }

    /** Whether no change of the product with this SKU waits for its announcement; true for any other key. */
    protected boolean announced(String key) {
        return jdbc.sql("SELECT count(*) FROM product WHERE sku = :key AND published_version < version")
                .param("key", key).query(Long.class).single() == 0;
    }

    /** Waits (bounded) for the first record of a type for a key. */
    protected ConsumerRecord<String, byte[]> awaitRecord(TopicProbe probe, String key, String type) {
        return probe.awaitAtLeast(1, record -> key.equals(record.key()) && type.equals(header(record, "ce_type")),
                PATIENCE).getFirst();
    }

    /** A product's stock. */
    protected record Stock(int available, int reserved) {

        /** This stock after {@code units} of it were reserved. */
        Stock holding(int units) {
            return new Stock(available - units, reserved + units);
        }
    }
}
