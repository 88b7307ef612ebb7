package dev.eventshop.order;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventJson;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentRefunded;
import dev.eventshop.testsupport.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The saga's deadline: an order still pending {@code eventshop.order.saga-deadline} after it was placed is cancelled
 * as {@code TIMED_OUT}, once, through the outbox, and nothing that arrives later confirms it. The deadline is the
 * default two minutes here; each test ages its own orders past it rather than waiting, so that no other test's order
 * is touched.
 */
class SagaDeadlineIT extends IntegrationTest {

    private static final String CANCELLED = "dev.eventshop.order.cancelled.v1";
    private static final String CONFIRMED = "dev.eventshop.order.confirmed.v1";
    private static final Money TOTAL = Money.of("89.00", "EUR");

    @Test
    void cancels_an_order_still_pending_past_the_deadline_as_timed_out_with_one_order_cancelled() {
        double timedOutBefore = metric("eventshop_orders_finished_total", "status=\"CANCELLED\"",
                "reason=\"TIMED_OUT\"");
        OrderId order = placeOrder();

        age(order, Duration.ofMinutes(2).plusSeconds(1));

        awaitStatus(order, "CANCELLED");
        assertThat(order(order).get("cancellationReason").asString()).isEqualTo("TIMED_OUT");
        ConsumerRecord<String, byte[]> record = orderEvents.awaitAtLeast(1, record1 -> withKey(order.toString())
                .test(record1) && CANCELLED.equals(header(record1, "ce_type")), PATIENCE).getFirst();
        OrderCancelled cancelled = EventJson.read(record.value(), OrderCancelled.class);
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.TIMED_OUT);
        assertThat(cancelled.total()).isEqualTo(TOTAL);
        assertThat(cancelled.lines()).hasSize(1);
        assertThat(outboxCount(order.toString(), CANCELLED)).isOne();
        assertThat(timeline(order)).extracting(entry -> entry.get("type").asString()).endsWith(CANCELLED);
        assertThat(metric("eventshop_orders_finished_total", "status=\"CANCELLED\"", "reason=\"TIMED_OUT\""))
                .isEqualTo(timedOutBefore + 1);
    }

    @Test
    void leaves_an_order_alone_until_its_deadline() {
        OrderId young = placeOrder();
        OrderId old = placeOrder();
        age(young, Duration.ofMinutes(1));

        age(old, Duration.ofMinutes(3));

        awaitStatus(old, "CANCELLED");
        assertThat(order(young).get("status").asString()).isEqualTo("PENDING");
        assertThat(outboxCount(young.toString(), CANCELLED)).isZero();
    }

    @Test
    void works_off_more_overdue_orders_than_one_batch_holds() {
        List<OrderId> overdue = IntStream.range(0, 5).mapToObj(i -> placeOrder()).toList();

        overdue.forEach(order -> age(order, Duration.ofMinutes(5)));

        overdue.forEach(order -> awaitStatus(order, "CANCELLED"));
        assertThat(overdue).allSatisfy(order -> assertThat(outboxCount(order.toString(), CANCELLED)).isOne());
    }

    @Test
    void a_late_reservation_payment_or_refund_never_confirms_a_timed_out_order() {
        OrderId order = placeOrder();
        age(order, Duration.ofMinutes(3));
        awaitStatus(order, "CANCELLED");

        UUID reserved = events.publish(new StockReserved(order, new CustomerId("alice"),
                List.of(new StockLine(new Sku("KB-001"), 1)), TOTAL, Instant.now())).eventId();
        UUID paid = events.publish(new PaymentCompleted(order, new CustomerId("alice"), TOTAL, Instant.now()))
                .eventId();
        UUID refunded = events.publish(new PaymentRefunded(order, new CustomerId("alice"), TOTAL, Instant.now()))
                .eventId();
        await().atMost(PATIENCE).until(() -> eventIds(order).containsAll(List.of(reserved, paid, refunded)));

        JsonNode found = order(order);
        assertThat(found.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(found.get("cancellationReason").asString()).isEqualTo("TIMED_OUT");
        assertThat(outboxCount(order.toString(), CONFIRMED)).isZero();
        assertThat(outboxCount(order.toString(), CANCELLED)).isOne();
        assertThat(timeline(order)).extracting(entry -> entry.get("type").asString())
                .contains("dev.eventshop.payment.refunded.v1");
    }

    @Test
    void an_order_the_saga_ended_in_time_is_not_cancelled_later() {
        OrderId order = placeOrder();
        events.publish(new PaymentCompleted(order, new CustomerId("alice"), TOTAL, Instant.now()));
        awaitStatus(order, "CONFIRMED");

        OrderId overdue = placeOrder();
        age(order, Duration.ofMinutes(3));
        age(overdue, Duration.ofMinutes(3));

        // Once the check cancelled the overdue order, it has passed the confirmed one too.
        awaitStatus(overdue, "CANCELLED");
        assertThat(order(order).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(outboxCount(order.toString(), CANCELLED)).isZero();
    }

    private OrderId placeOrder() {
        Http.Response response = http.postJson("/orders", """
                {"customerId": "alice", "items": [{"sku": "KB-001", "quantity": 1}]}""");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return OrderId.parse(response.json().get("orderId").asString());
    }

    /** Moves the order's placement back in time, as if it had been waiting that long. */
    private void age(OrderId order, Duration by) {
        jdbc.sql("UPDATE orders SET created_at = created_at - make_interval(secs => :seconds) WHERE id = :id")
                .param("seconds", by.toSeconds())
                .param("id", order.value())
                .update();
    }

    private void awaitStatus(OrderId order, String status) {
        await("order " + order + " " + status).atMost(PATIENCE)
                .until(() -> order(order).get("status").asString().equals(status));
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

    /** A value from the metrics page as Prometheus scrapes it; 0 for a series that does not exist yet. */
    private double metric(String name, String... labels) {
        return http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
