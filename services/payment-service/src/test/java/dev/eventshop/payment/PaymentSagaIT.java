package dev.eventshop.payment;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The payment-service's part of the saga, driven by stock reservations published to Kafka as the inventory-service
 * would: each order is charged, or declined, once, and its outcome published once.
 */
class PaymentSagaIT extends IntegrationTest {

    @Test
    void charges_alice_for_reserved_stock_and_publishes_one_payment_completed_cloud_event_in_the_same_trace() {
        OrderId order = OrderId.newId();
        BigDecimal before = balance(ALICE);
        String traceId = hex(16);

        UUID reserved = events.publish(stockReserved(order, ALICE, eur("89.00")), UUID.randomUUID(), Instant.now(),
                "00-" + traceId + "-" + hex(8) + "-01").eventId();

        ConsumerRecord<String, byte[]> record = awaitPaymentEvent(order);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(PAYMENT_COMPLETED);
        assertThat(header(record, "ce_source")).isEqualTo("/payment-service");
        assertThat(header(record, "ce_subject")).isEqualTo(order.toString());
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotEqualTo(reserved);
        assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).as("continues the reservation's trace")
                .startsWith("00-" + traceId + "-");
        PaymentCompleted completed = (PaymentCompleted) EventRecords.decode(record.headers(), record.value())
                .payload();
        assertThat(completed.orderId()).isEqualTo(order);
        assertThat(completed.customerId()).isEqualTo(ALICE);
        assertThat(completed.amount()).isEqualTo(eur("89.00"));
        assertThat(balance(ALICE)).isEqualByComparingTo(before.subtract(new BigDecimal("89.00")));
        JsonNode debit = ledger(ALICE).getLast();
        assertThat(debit.get("type").asString()).isEqualTo("MoneyWithdrawn");
        assertThat(debit.get("amount").asString()).isEqualTo("89.00");
        assertThat(debit.get("orderId").asString()).isEqualTo(order.toString());
        JsonNode payment = http.get("/payments/" + order).json();
        assertThat(payment.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(payment.get("customerId").asString()).isEqualTo("alice");
        assertThat(payment.get("amount").asString()).isEqualTo("89.00");
        assertThat(payment.get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.has("reason")).isFalse();
        assertThat(Instant.parse(payment.get("createdAt").asString())).isEqualTo(completed.completedAt());
    }

    @Test
    void declines_bob_buying_a_249_monitor_for_insufficient_funds_and_leaves_his_account_as_it_was() {
        OrderId order = OrderId.newId();
        JsonNode before = account(BOB);

        events.publish(stockReserved(order, BOB, eur("249.00")));

        ConsumerRecord<String, byte[]> record = awaitPaymentEvent(order);
        assertThat(header(record, "ce_type")).isEqualTo(PAYMENT_FAILED);
        PaymentFailed failed = (PaymentFailed) EventRecords.decode(record.headers(), record.value()).payload();
        assertThat(failed.reason()).isEqualTo(PaymentFailureReason.INSUFFICIENT_FUNDS);
        assertThat(failed.amount()).isEqualTo(eur("249.00"));
        assertThat(failed.customerId()).isEqualTo(BOB);
        assertThat(account(BOB)).isEqualTo(before);
        assertThat(before.get("balance").asString()).isEqualTo("50.00");
        JsonNode payment = http.get("/payments/" + order).json();
        assertThat(payment.get("status").asString()).isEqualTo("FAILED");
        assertThat(payment.get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void declines_a_customer_without_an_account_as_unknown_and_opens_no_account() {
        OrderId order = OrderId.newId();
        CustomerId stranger = newCustomer();

        events.publish(stockReserved(order, stranger, eur("9.00")));

        ConsumerRecord<String, byte[]> record = awaitPaymentEvent(order);
        PaymentFailed failed = (PaymentFailed) EventRecords.decode(record.headers(), record.value()).payload();
        assertThat(failed.reason()).isEqualTo(PaymentFailureReason.UNKNOWN_CUSTOMER);
        assertThat(failed.customerId()).isEqualTo(stranger);
        assertThat(http.get("/accounts/" + stranger).status()).isEqualTo(404);
        assertThat(http.get("/payments/" + order).json().get("reason").asString()).isEqualTo("UNKNOWN_CUSTOMER");
    }

    @Test
    void charges_an_order_once_however_often_and_under_whatever_event_id_its_reservation_arrives() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();
        UUID first = UUID.randomUUID();

        events.publish(stockReserved(order, customer, eur("30.00")), first);
        events.publish(stockReserved(order, customer, eur("30.00")), first);
        Published second = events.publish(stockReserved(order, customer, eur("30.00")));
        // Same key, same partition: once the second id is processed, the redelivery before it has been too.
        awaitProcessed(second);

        assertThat(balance(customer)).isEqualByComparingTo("70.00");
        assertThat(ledger(customer)).filteredOn(entry -> entry.path("orderId").asString("").equals(order.toString()))
                .hasSize(1);
        assertThat(outboxCount(order)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> outboxDrainedFor(order.toString()));
        awaitPaymentEvent(order);
        assertThat(paymentEvents.drain(Duration.ofMillis(500))).filteredOn(withKey(order.toString()))
                .extracting(record -> header(record, "ce_type"))
                .containsExactly(PAYMENT_COMPLETED);
    }

    @Test
    void sends_a_reservation_with_a_negative_total_straight_to_the_dead_letter_topic_and_charges_nothing() {
        OrderId order = OrderId.newId();
        String deadLetters = RetryTopics.deadLetterTopic("inventory-events", "payment-service");

        UUID eventId = events.publish(stockReserved(order, ALICE, eur("-5.00"))).eventId();

        try (TopicProbe dlt = new TopicProbe(bootstrapServers, deadLetters)) {
            ConsumerRecord<String, byte[]> dead = dlt.awaitAtLeast(1, withKey(order.toString()), PATIENCE).getFirst();
            assertThat(header(dead, "ce_id")).isEqualTo(eventId.toString());
            assertThat(header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo("inventory-events");
            assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).contains("negative total");
        }
        assertThat(http.get("/payments/" + order).status()).isEqualTo(404);
        assertThat(outboxCount(order)).isZero();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
