package dev.eventshop.order;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.Shortage;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import dev.eventshop.testsupport.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The order-service's part of the saga, driven by inventory and payment events published to Kafka as those services
 * would: each outcome moves the order once, however often and in whatever order the events arrive.
 */
class OrderSagaIT extends IntegrationTest {

    static final String PLACED = "dev.eventshop.order.placed.v1";
    static final String CONFIRMED = "dev.eventshop.order.confirmed.v1";
    static final String CANCELLED = "dev.eventshop.order.cancelled.v1";
    static final String STOCK_RESERVED = "dev.eventshop.inventory.stock-reserved.v1";
    static final String STOCK_RESERVATION_FAILED = "dev.eventshop.inventory.stock-reservation-failed.v1";
    static final String STOCK_RELEASED = "dev.eventshop.inventory.stock-released.v1";
    static final String PAYMENT_COMPLETED = "dev.eventshop.payment.completed.v1";
    static final String PAYMENT_FAILED = "dev.eventshop.payment.failed.v1";

    private static final Money TOTAL = Money.of("89.00", "EUR");

    @Test
    void confirms_an_order_once_stock_is_reserved_and_the_payment_completes() {
        OrderId order = placeOrder("alice");

        UUID reserved = events.publish(stockReserved(order)).eventId();
        UUID paid = events.publish(paymentCompleted(order)).eventId();

        awaitStatus(order, "CONFIRMED");
        assertThat(order(order).has("cancellationReason")).isFalse();
        ConsumerRecord<String, byte[]> confirmed = awaitOrderEvent(order, CONFIRMED);
        assertThat(header(confirmed, "ce_subject")).isEqualTo(order.toString());
        assertThat(header(confirmed, "traceparent")).isNotBlank();
        List<JsonNode> timeline = timeline(order);
        assertThat(timeline).extracting(entry -> entry.get("type").asString())
                .containsExactly(PLACED, STOCK_RESERVED, PAYMENT_COMPLETED, CONFIRMED);
        assertThat(timeline).extracting(entry -> entry.get("source").asString())
                .containsExactly("/order-service", "/inventory-service", "/payment-service", "/order-service");
        assertThat(timeline.get(1).get("eventId").asString()).isEqualTo(reserved.toString());
        assertThat(timeline.get(2).get("eventId").asString()).isEqualTo(paid.toString());
        assertThat(timeline.get(3).get("eventId").asString()).isEqualTo(header(confirmed, "ce_id"));
    }

    @Test
    void counts_each_outcome_once_with_its_time_from_placing_however_often_the_deciding_event_comes() {
        double cancelledBefore = metric("eventshop_orders_finished_total", "status=\"CANCELLED\"",
                "reason=\"OUT_OF_STOCK\"");
        double timedBefore = metric("eventshop_order_time_to_final_status_seconds_count", "status=\"CANCELLED\"");
        OrderId order = placeOrder("alice");

        events.publish(outOfStock(order));
        events.publish(outOfStock(order));

        awaitStatus(order, "CANCELLED");
        await().atMost(PATIENCE).until(() -> timeline(order).size() == 4);
        assertThat(metric("eventshop_orders_finished_total", "status=\"CANCELLED\"", "reason=\"OUT_OF_STOCK\""))
                .isEqualTo(cancelledBefore + 1);
        assertThat(metric("eventshop_order_time_to_final_status_seconds_count", "status=\"CANCELLED\""))
                .isEqualTo(timedBefore + 1);
    }

    /** A value from the metrics page as Prometheus scrapes it; 0 for a series that does not exist yet. */
    private double metric(String name, String... labels) {
        return http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void cancels_an_order_as_out_of_stock_when_the_reservation_fails() {
        OrderId order = placeOrder("alice");

        events.publish(outOfStock(order));

        awaitStatus(order, "CANCELLED");
        assertThat(order(order).get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(awaitOrderEvent(order, CANCELLED).value()).asString().contains("\"reason\":\"OUT_OF_STOCK\"");
        assertThat(timeline(order)).extracting(entry -> entry.get("type").asString())
                .containsExactly(PLACED, STOCK_RESERVATION_FAILED, CANCELLED);
    }

    @Test
    void cancels_an_order_as_payment_declined_when_the_payment_fails_and_notes_the_released_stock() {
        OrderId order = placeOrder("bob");

        events.publish(stockReserved(order));
        events.publish(paymentFailed(order));
        awaitStatus(order, "CANCELLED");
        events.publish(new StockReleased(order, List.of(new StockLine(new Sku("KB-001"), 1)), Instant.now()));

        await().atMost(PATIENCE).until(() -> timeline(order).size() == 5);
        assertThat(order(order).get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(awaitOrderEvent(order, CANCELLED).value()).asString().contains("\"reason\":\"PAYMENT_DECLINED\"");
        assertThat(timeline(order)).extracting(entry -> entry.get("type").asString())
                .containsExactly(PLACED, STOCK_RESERVED, PAYMENT_FAILED, CANCELLED, STOCK_RELEASED);
    }

    @Test
    void a_redelivered_or_late_event_changes_nothing_more() {
        OrderId order = placeOrder("alice");
        Instant now = Instant.now();
        UUID reserved = events.publish(stockReserved(order), UUID.randomUUID(), now).eventId();
        UUID paid = events.publish(paymentCompleted(order), UUID.randomUUID(), now.plusMillis(1)).eventId();
        awaitStatus(order, "CONFIRMED");

        events.publish(stockReserved(order), reserved, now);
        events.publish(paymentCompleted(order), paid, now.plusMillis(1));
        // Late outcomes, each on the same partition as a redelivery: once they show on the timeline, the
        // redeliveries before them have been consumed.
        UUID lateFailure = events.publish(paymentFailed(order)).eventId();
        UUID lateShortage = events.publish(new StockReservationFailed(order, List.of(), Instant.now())).eventId();
        await().atMost(PATIENCE).until(() -> eventIds(order).containsAll(List.of(lateFailure, lateShortage)));

        assertThat(order(order).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(eventIds(order)).doesNotHaveDuplicates().hasSize(6);
        assertThat(outboxCount(order.toString(), CONFIRMED)).isEqualTo(1);
        assertThat(outboxCount(order.toString(), CANCELLED)).isZero();
        await().atMost(PATIENCE).until(() -> outboxDrainedFor(order.toString()));
        assertThat(orderEvents.awaitAtLeast(2, withKey(order.toString()), PATIENCE))
                .extracting(record -> header(record, "ce_type"))
                .containsExactly(PLACED, CONFIRMED);
    }

    @Test
    void a_payment_that_arrives_before_the_reservation_still_confirms_once() {
        OrderId order = placeOrder("alice");
        Instant reservedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        events.publish(paymentCompleted(order), UUID.randomUUID(), reservedAt.plusMillis(1));
        awaitStatus(order, "CONFIRMED");
        UUID reserved = events.publish(stockReserved(order), UUID.randomUUID(), reservedAt).eventId();
        await().atMost(PATIENCE).until(() -> eventIds(order).contains(reserved));

        assertThat(order(order).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(outboxCount(order.toString(), CONFIRMED)).isEqualTo(1);
        assertThat(timeline(order)).as("oldest first, by when each event happened")
                .extracting(entry -> entry.get("type").asString())
                .containsExactly(PLACED, STOCK_RESERVED, PAYMENT_COMPLETED, CONFIRMED);
    }

    @Test
    void ignores_an_outcome_for_an_order_it_does_not_know() {
        OrderId unknown = OrderId.newId();
        OrderId known = placeOrder("alice");

        events.publish(paymentCompleted(unknown));
        events.publish(paymentCompleted(known));

        awaitStatus(known, "CONFIRMED");
        assertThat(http.get("/orders/" + unknown).status()).isEqualTo(404);
        assertThat(outboxCount(unknown.toString(), CONFIRMED)).isZero();
    }

    private OrderId placeOrder(String customer) {
        Http.Response response = http.postJson("/orders", """
                {"customerId": "%s", "items": [{"sku": "KB-001", "quantity": 1}]}""".formatted(customer));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return OrderId.parse(response.json().get("orderId").asString());
    }

    private void awaitStatus(OrderId order, String status) {
        await("order " + order + " " + status).atMost(PATIENCE)
                .until(() -> order(order).get("status").asString().equals(status));
    }

    private ConsumerRecord<String, byte[]> awaitOrderEvent(OrderId order, String type) {
        return orderEvents.awaitAtLeast(1, record -> withKey(order.toString()).test(record)
                && type.equals(header(record, "ce_type")), PATIENCE).getFirst();
    }

    private JsonNode order(OrderId order) {
        return http.get("/orders/" + order).json();
    }

    private List<JsonNode> timeline(OrderId order) {
        return http.get("/orders/" + order + "/timeline").json().valueStream().toList();
    }

    private List<UUID> eventIds(OrderId order) {
        return timeline(order).stream().map(entry -> UUID.fromString(entry.get("eventId").asString())).toList();
    }

    private static StockReserved stockReserved(OrderId order) {
        return new StockReserved(order, new CustomerId("alice"), List.of(new StockLine(new Sku("KB-001"), 1)), TOTAL,
                Instant.now());
    }

    private static StockReservationFailed outOfStock(OrderId order) {
        return new StockReservationFailed(order, List.of(new Shortage(new Sku("LS-006"), 1, 0)), Instant.now());
    }

    private static PaymentCompleted paymentCompleted(OrderId order) {
        return new PaymentCompleted(order, new CustomerId("alice"), TOTAL, Instant.now());
    }

    private static PaymentFailed paymentFailed(OrderId order) {
        return new PaymentFailed(order, new CustomerId("bob"), TOTAL, PaymentFailureReason.INSUFFICIENT_FUNDS,
                Instant.now());
    }
}
