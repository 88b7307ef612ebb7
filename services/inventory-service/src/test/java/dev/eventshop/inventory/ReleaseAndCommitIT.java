package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.STOCK_RELEASED;
import static dev.eventshop.inventory.SagaEvents.STOCK_RESERVATION_FAILED;
import static dev.eventshop.inventory.SagaEvents.STOCK_RESERVED;
import static dev.eventshop.inventory.SagaEvents.line;
import static dev.eventshop.inventory.SagaEvents.orderCancelled;
import static dev.eventshop.inventory.SagaEvents.orderConfirmed;
import static dev.eventshop.inventory.SagaEvents.orderPlaced;
import static dev.eventshop.inventory.SagaEvents.paymentFailed;
import static dev.eventshop.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.testsupport.EventInjector.Published;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What becomes of a reservation: a failed payment or a cancellation gives the stock back, a confirmation sells it,
 * each once, however often and in whatever order the events arrive.
 */
class ReleaseAndCommitIT extends IntegrationTest {

    @Test
    void a_failed_payment_releases_the_stock_and_emits_stock_released() {
        Stock before = stock("MS-002");
        OrderPlaced placed = orderPlaced("bob", line("MS-002", 3));
        awaitConsumed(events.publish(placed));
        assertThat(stock("MS-002")).isEqualTo(before.holding(3));

        awaitConsumed(events.publish(paymentFailed(placed)));

        assertThat(stock("MS-002")).as("exactly as before").isEqualTo(before);
        assertThat(reservationStatus(placed.orderId())).contains("RELEASED");
        ConsumerRecord<String, byte[]> released = awaitRecord(inventoryEvents, placed.orderId().toString(),
                STOCK_RELEASED);
        assertThat(header(released, "ce_subject")).isEqualTo(placed.orderId().toString());
        StockReleased event = EventJson.read(released.value(), StockReleased.class);
        assertThat(event.orderId()).isEqualTo(placed.orderId());
        assertThat(event.lines()).containsExactly(new StockLine(new Sku("MS-002"), 3));
    }

    @Test
    void a_cancelled_order_releases_its_stock() {
        Stock before = stock("HB-004");
        OrderPlaced placed = orderPlaced("alice", line("HB-004", 2));
        awaitConsumed(events.publish(placed));

        awaitConsumed(events.publish(orderCancelled(placed, CancellationReason.PAYMENT_DECLINED)));

        assertThat(stock("HB-004")).isEqualTo(before);
        assertThat(allPublished(inventoryEvents, placed.orderId().toString(), STOCK_RELEASED)).hasSize(1);
    }

    @Test
    void an_order_that_timed_out_holding_its_stock_gets_it_back_exactly_once() {
        Stock before = stock("HB-004");
        OrderPlaced placed = orderPlaced("alice", line("HB-004", 3));
        awaitConsumed(events.publish(placed));
        assertThat(stock("HB-004")).isEqualTo(before.holding(3));

        Published timedOut = events.publish(orderCancelled(placed, CancellationReason.TIMED_OUT));
        awaitConsumed(timedOut);
        awaitConsumed(events.publish(orderCancelled(placed, CancellationReason.TIMED_OUT), timedOut.eventId()));
        awaitConsumed(events.publish(orderCancelled(placed, CancellationReason.TIMED_OUT)));

        assertThat(stock("HB-004")).as("exactly as before").isEqualTo(before);
        assertThat(reservationStatus(placed.orderId())).contains("RELEASED");
        assertThat(outboxCount(placed.orderId().toString(), STOCK_RELEASED)).isEqualTo(1);
        assertThat(allPublished(inventoryEvents, placed.orderId().toString(), STOCK_RELEASED)).hasSize(1);
    }

    @Test
    void a_release_delivered_twice_or_announced_by_both_payment_and_order_releases_once() {
        Stock before = stock("MS-002");
        OrderPlaced placed = orderPlaced("bob", line("MS-002", 2));
        awaitConsumed(events.publish(placed));
        Published failed = events.publish(paymentFailed(placed));
        awaitConsumed(failed);

        awaitConsumed(events.publish(paymentFailed(placed), failed.eventId()));
        awaitConsumed(events.publish(orderCancelled(placed, CancellationReason.PAYMENT_DECLINED)));

        assertThat(stock("MS-002")).isEqualTo(before);
        assertThat(outboxCount(placed.orderId().toString(), STOCK_RELEASED)).isEqualTo(1);
        assertThat(allPublished(inventoryEvents, placed.orderId().toString(), STOCK_RELEASED)).hasSize(1);
    }

    @Test
    void a_failed_reservation_has_nothing_to_release() {
        Stock before = stock("KB-001");
        OrderPlaced placed = orderPlaced("carol", line("KB-001", 1), line("LS-006", 1));
        awaitConsumed(events.publish(placed));

        awaitConsumed(events.publish(orderCancelled(placed, CancellationReason.OUT_OF_STOCK)));

        assertThat(stock("KB-001")).isEqualTo(before);
        assertThat(reservationStatus(placed.orderId())).contains("FAILED");
        assertThat(outboxCount(placed.orderId().toString(), STOCK_RELEASED)).isZero();
    }

    @Test
    void a_confirmed_order_commits_its_reservation_once() {
        Stock before = stock("MN-003");
        OrderPlaced placed = orderPlaced("alice", line("MN-003", 2));
        awaitConsumed(events.publish(placed));
        Published confirmed = events.publish(orderConfirmed(placed));
        awaitConsumed(confirmed);

        assertThat(stock("MN-003")).as("sold: gone from the stock, no longer reserved")
                .isEqualTo(new Stock(before.available() - 2, before.reserved()));
        assertThat(reservationStatus(placed.orderId())).contains("COMMITTED");

        awaitConsumed(events.publish(orderConfirmed(placed), confirmed.eventId()));
        awaitConsumed(events.publish(paymentFailed(placed)));

        assertThat(stock("MN-003")).as("neither sold twice nor given back")
                .isEqualTo(new Stock(before.available() - 2, before.reserved()));
        assertThat(outboxCount(placed.orderId().toString(), STOCK_RELEASED)).isZero();
    }

    static Stream<Arguments> withdrawals() {
        return Stream.of(
                Arguments.argumentSet("a failed payment",
                        (Function<OrderPlaced, IntegrationEvent>) SagaEvents::paymentFailed),
                Arguments.argumentSet("a cancellation", (Function<OrderPlaced, IntegrationEvent>) placed ->
                        orderCancelled(placed, CancellationReason.PAYMENT_DECLINED)),
                Arguments.argumentSet("a timeout, while the order waited in a stopped consumer",
                        (Function<OrderPlaced, IntegrationEvent>) placed ->
                                orderCancelled(placed, CancellationReason.TIMED_OUT)));
    }

    /**
     * Retry topics reorder: an order's withdrawal may be handled before the order itself. The order then holds
     * nothing, and is answered with a StockReservationFailed that names no shortage.
     */
    @ParameterizedTest
    @MethodSource("withdrawals")
    void a_withdrawal_handled_before_its_order_leaves_the_stock_exactly_as_before_and_no_reservation(
            Function<OrderPlaced, IntegrationEvent> withdrawal) {
        Stock before = stock("KB-001");
        OrderPlaced placed = orderPlaced("bob", line("KB-001", 2));
        String orderId = placed.orderId().toString();

        awaitConsumed(events.publish(withdrawal.apply(placed)));
        assertThat(reservationStatus(placed.orderId())).contains("CANCELLED");
        awaitConsumed(events.publish(placed));

        assertThat(stock("KB-001")).isEqualTo(before);
        assertThat(reservationStatus(placed.orderId())).as("nothing held").contains("CANCELLED");
        assertThat(outboxCount(orderId, STOCK_RESERVED)).isZero();
        assertThat(outboxCount(orderId, STOCK_RELEASED)).isZero();
        List<ConsumerRecord<String, byte[]>> refused = allPublished(inventoryEvents, orderId,
                STOCK_RESERVATION_FAILED);
        assertThat(refused).hasSize(1);
        assertThat(EventJson.read(refused.getFirst().value(), StockReservationFailed.class).shortages())
                .as("no product was short").isEmpty();
    }
}
