package dev.eventshop.inventory;

import static dev.eventshop.testsupport.TopicProbe.header;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.TopicProbe;
import dev.eventshop.testsupport.WithRealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one context configuration of every inventory-service integration test, so that Spring starts the service once
 * per test run: the real service on a random port against the JVM's real Kafka broker and a PostgreSQL database of its
 * own. Subclasses add no context configuration of their own.
 *
 * <p>Tests publish the saga's events to Kafka as the order-service and the payment-service would, and wait until the
 * service's consumer group has committed past them: then their effects are in the database, or, for a duplicate, were
 * skipped. Each test works on its own orders; stock is compared before and after, and only {@code LastUnitsIT} touches
 * {@code CB-005}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@AutoConfigureTracing
@ActiveProfiles("it")
public abstract class IntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The service's consumer group: its {@code spring.application.name}. */
    private static final String CONSUMER_GROUP = "inventory-service";

    private static @Nullable KafkaProducer<String, byte[]> producer;
    private static @Nullable Admin admin;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    protected JdbcClient jdbc;

    protected Http http;
    protected TopicProbe inventoryEvents;
    protected TopicProbe productCatalog;

    @BeforeEach
    void connect() {
        http = new Http(port);
        inventoryEvents = new TopicProbe(bootstrapServers, "inventory-events");
        productCatalog = new TopicProbe(bootstrapServers, "product-catalog");
    }

    @AfterEach
    void disconnect() {
        inventoryEvents.close();
        productCatalog.close();
    }

    @AfterAll
    static void closeClients() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    /** Publishes an event with a fresh id, and waits until the broker has it. */
    protected Published publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID(), null);
    }

    /** Publishes an event with a given id (the same id again is a redelivery), and waits until the broker has it. */
    protected Published publish(IntegrationEvent event, UUID eventId, @Nullable String traceparent) {
        return acknowledged(producer().send(EventRecords.toProducerRecord(event, eventId, Instant.now(), traceparent)),
                eventId);
    }

    /** Sends every event before waiting for any, so that they reach the service together. */
    protected List<Published> publishAtOnce(List<? extends IntegrationEvent> events) {
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (IntegrationEvent event : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            sends.add(producer().send(EventRecords.toProducerRecord(event, id, Instant.now(), null)));
        }
        producer().flush();
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            published.add(acknowledged(sends.get(i), ids.get(i)));
        }
        return published;
    }

    /** Waits (bounded) until the service's consumer group has committed past every one of these records. */
    protected void awaitConsumed(Published... records) {
        awaitConsumed(List.of(records));
    }

    protected void awaitConsumed(List<Published> records) {
        await("the inventory-service consumed " + records.size() + " record(s)").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(CONSUMER_GROUP)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return records.stream().allMatch(record -> {
                        OffsetAndMetadata offset = committed.get(new TopicPartition(record.metadata().topic(),
                                record.metadata().partition()));
                        return offset != null && offset.offset() > record.metadata().offset();
                    });
                });
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

    /** How many events of a type the outbox holds for a key (published or not). */
    protected long outboxCount(String key, String eventType) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type = :type")
                .param("key", key).param("type", eventType).query(Long.class).single();
    }

    /**
     * Every record of a type a probe has for a key, read once the relay has published every event appended for that
     * key so far and the topic has gone quiet: a test can count them, to show that something happened only once.
     */
    protected List<ConsumerRecord<String, byte[]>> allPublished(TopicProbe probe, String key, String type) {
        await("the relay published every event for " + key).atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT count(*) FROM outbox_event WHERE record_key = :key AND published_at IS NULL")
                .param("key", key).query(Long.class).single() == 0);
        probe.drain(Duration.ofMillis(500));
        return probe.matching(record -> key.equals(record.key()) && type.equals(header(record, "ce_type")));
    }

    /** Waits (bounded) for the first record of a type for a key. */
    protected ConsumerRecord<String, byte[]> awaitRecord(TopicProbe probe, String key, String type) {
        return probe.awaitAtLeast(1, record -> key.equals(record.key()) && type.equals(header(record, "ce_type")),
                PATIENCE).getFirst();
    }

    private static Published acknowledged(Future<RecordMetadata> send, UUID eventId) {
        try {
            return new Published(eventId, send.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish event " + eventId, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    /** An event on the broker: its id ({@code ce_id}) and where it landed. */
    protected record Published(UUID eventId, RecordMetadata metadata) {
    }

    /** A product's stock. */
    protected record Stock(int available, int reserved) {

        /** This stock after {@code units} of it were reserved. */
        Stock holding(int units) {
            return new Stock(available - units, reserved + units);
        }
    }
}
