package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.TopicProbe;
import dev.eventshop.testsupport.WithRealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * The one context configuration of every payment-service integration test, so that Spring starts the service once per
 * test run: the real service on a random port against the JVM's real Kafka broker and a PostgreSQL database of its
 * own. Subclasses add no context configuration of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@AutoConfigureTracing
@ActiveProfiles("it")
public abstract class IntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final CustomerId ALICE = new CustomerId("alice");
    protected static final CustomerId BOB = new CustomerId("bob");
    protected static final String PAYMENT_COMPLETED = "dev.eventshop.payment.completed.v1";
    protected static final String PAYMENT_FAILED = "dev.eventshop.payment.failed.v1";

    private static @Nullable KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;
    @Autowired
    protected JdbcClient jdbc;

    protected Http http;
    protected TopicProbe paymentEvents;

    @BeforeEach
    void connect() {
        http = new Http(port);
        paymentEvents = new TopicProbe(bootstrapServers, "payment-events");
    }

    @AfterEach
    void disconnect() {
        paymentEvents.close();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** A customer no test has used: no account until a test opens one. */
    protected static CustomerId newCustomer() {
        return new CustomerId("customer-" + UUID.randomUUID());
    }

    protected static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** The inventory's word that an order's stock is held, as the inventory-service would publish it. */
    protected static StockReserved stockReserved(OrderId order, CustomerId customer, Money total) {
        return new StockReserved(order, customer, List.of(new StockLine(new Sku("KB-001"), 1)), total, Instant.now());
    }

    /** Publishes an event as its producing service would, with a fresh id, and waits until the broker has it. */
    protected UUID publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID(), null);
    }

    /** Publishes an event with a given id (to redeliver it) and trace, and waits until the broker has it. */
    protected UUID publish(IntegrationEvent event, UUID eventId, @Nullable String traceparent) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(EventRecords.toProducerRecord(event, eventId, Instant.now(), traceparent))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
        return eventId;
    }

    /** Deposits through the API and returns the account as it answered. */
    protected JsonNode deposit(CustomerId customer, String amount) {
        Http.Response response = http.postJson("/accounts/" + customer + "/deposits",
                "{\"amount\": \"" + amount + "\"}");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    protected JsonNode account(CustomerId customer) {
        Http.Response response = http.get("/accounts/" + customer);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected BigDecimal balance(CustomerId customer) {
        return new BigDecimal(account(customer).get("balance").asString());
    }

    protected List<JsonNode> ledger(CustomerId customer) {
        Http.Response response = http.get("/accounts/" + customer + "/events");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    /** Waits for the first payment outcome of an order on {@code payment-events}. */
    protected ConsumerRecord<String, byte[]> awaitPaymentEvent(OrderId order) {
        return paymentEvents.awaitAtLeast(1, TopicProbe.withKey(order.toString()), PATIENCE).getFirst();
    }

    /** Waits until this service has processed the event with this id (its effect committed, or found a duplicate). */
    protected void awaitProcessed(UUID eventId) {
        await("event " + eventId + " processed").atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single() == 1);
    }

    /** How many payment outcomes the outbox holds for an order (published or not). */
    protected long outboxCount(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type IN (:types)")
                .param("key", order.toString()).param("types", List.of(PAYMENT_COMPLETED, PAYMENT_FAILED))
                .query(Long.class).single();
    }

    /** Whether the relay published every event appended for an order so far. */
    protected boolean outboxDrainedFor(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND published_at IS NULL")
                .param("key", order.toString()).query(Long.class).single() == 0;
    }
}
