package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.ServiceIntegrationTest;
import dev.eventshop.testsupport.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import tools.jackson.databind.JsonNode;

/**
 * The one context configuration of every payment-service integration test, so that Spring starts the service once per
 * test run. Tests publish the inventory's events as the inventory-service would.
 */
@AutoConfigureTracing
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final CustomerId ALICE = new CustomerId("alice");
    protected static final CustomerId BOB = new CustomerId("bob");
    protected static final String PAYMENT_COMPLETED = "dev.eventshop.payment.completed.v1";
    protected static final String PAYMENT_FAILED = "dev.eventshop.payment.failed.v1";

    @AutoClose
    protected TopicProbe paymentEvents;

    protected IntegrationTest() {
        super(EventRecords::toProducerRecord);
    }

    @BeforeEach
    void connect() {
        paymentEvents = new TopicProbe(bootstrapServers, "payment-events");
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
        assertThat(response.json().has("next")).as("the whole ledger on the first page").isFalse();
        return response.json().get("content").valueStream().toList();
    }

    /** Waits for the first payment outcome of an order on {@code payment-events}. */
    protected ConsumerRecord<String, byte[]> awaitPaymentEvent(OrderId order) {
        return paymentEvents.awaitAtLeast(1, TopicProbe.withKey(order.toString()), PATIENCE).getFirst();
    }

    /** Waits until this service has processed the event (its effect committed, or found a duplicate). */
    protected void awaitProcessed(Published event) {
        await("event " + event.eventId() + " processed").atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", event.eventId())
                .query(Long.class).single() == 1);
    }

    /** How many payment outcomes the outbox holds for an order (published or not). */
    protected long outboxCount(OrderId order) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type IN (:types)")
                .param("key", order.toString()).param("types", List.of(PAYMENT_COMPLETED, PAYMENT_FAILED))
                .query(Long.class).single();
    }
}
