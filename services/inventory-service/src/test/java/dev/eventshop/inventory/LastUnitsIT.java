package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.PRODUCT_UPDATED;
import static dev.eventshop.inventory.SagaEvents.STOCK_RESERVATION_FAILED;
import static dev.eventshop.inventory.SagaEvents.STOCK_RESERVED;
import static dev.eventshop.inventory.SagaEvents.line;
import static dev.eventshop.inventory.SagaEvents.orderPlaced;
import static dev.eventshop.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.inventory.Shortage;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.order.OrderPlaced;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Many orders race for the last units of the limited edition cable ({@code CB-005}, 5 in stock): exactly as many win
 * as there are units, the stock never goes below zero, and the confirmed ones sell out. The only test that touches
 * {@code CB-005}.
 */
class LastUnitsIT extends IntegrationTest {

    private static final String CABLE = "CB-005";
    private static final int UNITS = 5;
    private static final int ORDERS = 20;

    @Test
    void twenty_orders_for_the_last_five_cables_reserve_exactly_five_and_never_oversell() {
        assertThat(stock(CABLE)).isEqualTo(new Stock(UNITS, 0));
        List<OrderPlaced> orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> orderPlaced("customer-" + i, line(CABLE, 1)))
                .toList();
        Set<String> orderIds = orders.stream().map(order -> order.orderId().toString()).collect(Collectors.toSet());

        awaitConsumed(events.publishAll(orders));

        List<ConsumerRecord<String, byte[]>> answers = inventoryEvents.awaitAtLeast(ORDERS,
                record -> orderIds.contains(record.key()), PATIENCE);
        Map<String, List<ConsumerRecord<String, byte[]>>> byType = answers.stream()
                .collect(Collectors.groupingBy(record -> header(record, "ce_type")));
        assertThat(byType.keySet()).containsExactlyInAnyOrder(STOCK_RESERVED, STOCK_RESERVATION_FAILED);
        assertThat(byType.get(STOCK_RESERVED)).hasSize(UNITS);
        assertThat(byType.get(STOCK_RESERVATION_FAILED)).hasSize(ORDERS - UNITS)
                .allSatisfy(record -> assertThat(EventJson.read(record.value(), StockReservationFailed.class)
                        .shortages()).containsExactly(new Shortage(new Sku(CABLE), 1, 0)));
        assertThat(answers.stream().map(ConsumerRecord::key)).as("one answer per order")
                .doesNotHaveDuplicates().hasSize(ORDERS);
        assertThat(stock(CABLE)).isEqualTo(new Stock(0, UNITS));
        assertThat(cableStates()).as("every state the cable was ever in").allSatisfy(state -> {
            assertThat(state.available()).isNotNegative();
            assertThat(state.reserved()).isNotNegative();
            assertThat(state.available() + state.reserved()).isEqualTo(UNITS);
        });

        Map<String, OrderPlaced> byId = orders.stream()
                .collect(Collectors.toMap(order -> order.orderId().toString(), Function.identity()));
        List<OrderPlaced> winners = byType.get(STOCK_RESERVED).stream().map(record -> byId.get(record.key())).toList();
        awaitConsumed(events.publishAll(winners.stream().map(SagaEvents::orderConfirmed).toList()));

        assertThat(stock(CABLE)).as("sold out").isEqualTo(new Stock(0, 0));
        assertThat(winners).allSatisfy(order -> assertThat(reservationStatus(order.orderId())).contains("COMMITTED"));
        assertThat(cableStates().getLast()).isEqualTo(new Stock(0, 0));
    }

    /** Every state of the cable published to the catalog so far, oldest first. */
    private List<Stock> cableStates() {
        return allPublished(productCatalog, CABLE, PRODUCT_UPDATED).stream()
                .map(record -> EventJson.read(record.value(), ProductUpdated.class))
                .map(product -> new Stock(product.available(), product.reserved()))
                .toList();
    }
}
