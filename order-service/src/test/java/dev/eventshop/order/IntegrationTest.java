package dev.eventshop.order;

import static org.awaitility.Awaitility.await;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.TopicProbe;
import dev.eventshop.testsupport.WithRealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
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
        if (catalogSize() >= SeedCatalog.PRODUCTS.size()) {
            return;
        }
        SeedCatalog.PRODUCTS.forEach(this::publish);
        await("the catalog replica has the seed products").atMost(Duration.ofSeconds(60))
                .until(() -> catalogSize() >= SeedCatalog.PRODUCTS.size());
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
        if (producer == null) {
            producer = SeedCatalog.producer(bootstrapServers);
        }
        SeedCatalog.send(producer, event, eventId, time);
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
                .param("skus", SeedCatalog.PRODUCTS.stream().map(product -> product.sku().value()).toList())
                .query(Long.class).single();
    }
}
