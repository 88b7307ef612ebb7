package dev.eventshop.order;

import static org.awaitility.Awaitility.await;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.TopicProbe;
import dev.eventshop.testsupport.WithRealInfrastructure;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one context configuration of every order-service integration test, so that Spring starts the service once per
 * test run: the real service on a random port against the JVM's real Kafka broker and a PostgreSQL database of its
 * own. Subclasses add no context configuration of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@AutoConfigureTracing
@ActiveProfiles("it")
@Import(TestHooks.class)
public abstract class IntegrationTest {

    /** The contract's seed products. */
    protected static final List<ProductUpdated> SEED_PRODUCTS = List.of(
            product("KB-001", "Mechanical keyboard", "89.00", 100),
            product("MS-002", "Wireless mouse", "29.00", 100),
            product("MN-003", "27-inch monitor", "249.00", 50),
            product("HB-004", "USB-C hub", "39.00", 100),
            product("CB-005", "Limited edition cable", "9.00", 5),
            product("LS-006", "Laptop stand", "45.00", 0));

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected PlacementGate placementGate;

    protected Http http;
    protected TopicProbe orderEvents;

    @BeforeEach
    void connect() {
        http = new Http(port);
        orderEvents = new TopicProbe(bootstrapServers, "order-events");
    }

    @AfterEach
    void disconnect() {
        orderEvents.close();
    }

    /** Publishes the seed products to the catalog topic, once per test run, and waits until the replica has them. */
    @BeforeEach
    void seedCatalog() {
        if (catalogSize() >= SEED_PRODUCTS.size()) {
            return;
        }
        SEED_PRODUCTS.forEach(this::publish);
        await("the catalog replica has the seed products").atMost(Duration.ofSeconds(60))
                .until(() -> catalogSize() >= SEED_PRODUCTS.size());
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** Publishes an event as its producing service would, with a fresh id and the current time. */
    protected UUID publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID(), Instant.now());
    }

    /** Publishes an event with a given id (to redeliver it) and time, and waits until the broker has it. */
    protected UUID publish(IntegrationEvent event, UUID eventId, Instant time) {
        try {
            producer().send(EventRecords.toProducerRecord(event, eventId, time, null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
        return eventId;
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** How many events of a type the outbox holds for an order (published or not). */
    protected long outboxCount(String orderId, String eventType) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type = :type")
                .param("key", orderId).param("type", eventType).query(Long.class).single();
    }

    /** Whether the relay published every event appended for an order so far. */
    protected boolean outboxDrainedFor(String orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND published_at IS NULL")
                .param("key", orderId).query(Long.class).single() == 0;
    }

    private long catalogSize() {
        return jdbc.sql("SELECT count(*) FROM catalog_product WHERE sku IN (:skus)")
                .param("skus", SEED_PRODUCTS.stream().map(product -> product.sku().value()).toList())
                .query(Long.class).single();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static ProductUpdated product(String sku, String name, String price, int stock) {
        return new ProductUpdated(new Sku(sku), name, Money.of(price, "EUR"), stock, 0,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
