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
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.testsupport.EventInjector.Published;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A placed order, published to Kafka as the order-service would, holds every line or none, and is answered once. */
@ExtendWith(OutputCaptureExtension.class)
class ReserveStockIT extends IntegrationTest {

    @Test
    void reserves_every_line_and_emits_one_stock_reserved_with_cloudevents_headers() {
        Stock keyboards = stock("KB-001");
        Stock mice = stock("MS-002");
        OrderPlaced placed = orderPlaced("alice", line("MS-002", 1), line("KB-001", 2));
        String orderId = placed.orderId().toString();

        awaitConsumed(events.publish(placed));

        assertThat(stock("KB-001")).isEqualTo(keyboards.holding(2));
        assertThat(stock("MS-002")).isEqualTo(mice.holding(1));
        assertThat(reservationStatus(placed.orderId())).contains("RESERVED");
        List<ConsumerRecord<String, byte[]>> reserved = allPublished(inventoryEvents, orderId, STOCK_RESERVED);
        assertThat(reserved).hasSize(1);
        assertThat(allPublished(inventoryEvents, orderId, STOCK_RESERVATION_FAILED)).isEmpty();
        ConsumerRecord<String, byte[]> record = reserved.getFirst();
        assertThat(record.topic()).isEqualTo("inventory-events");
        assertThat(record.key()).isEqualTo(orderId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo(STOCK_RESERVED);
        assertThat(header(record, "ce_source")).isEqualTo("/inventory-service");
        assertThat(header(record, "ce_subject")).isEqualTo(orderId);
        assertThat(Instant.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        StockReserved event = EventJson.read(record.value(), StockReserved.class);
        assertThat(event.orderId()).isEqualTo(placed.orderId());
        assertThat(event.customerId()).isEqualTo(placed.customerId());
        assertThat(event.total()).isEqualTo(placed.total());
        assertThat(event.lines()).as("by SKU").containsExactly(new StockLine(new Sku("KB-001"), 2),
                new StockLine(new Sku("MS-002"), 1));
    }

    @Test
    void announces_the_new_state_of_every_product_it_reserved() {
        OrderPlaced placed = orderPlaced("alice", line("KB-001", 1));

        awaitConsumed(events.publish(placed));

        Stock now = stock("KB-001");
        ProductUpdated latest = EventJson.read(allPublished(productCatalog, "KB-001", PRODUCT_UPDATED).getLast()
                .value(), ProductUpdated.class);
        assertThat(new Stock(latest.available(), latest.reserved())).isEqualTo(now);
        assertThat(latest.name()).isEqualTo("Mechanical keyboard");
    }

    @Test
    void a_short_order_emits_stock_reservation_failed_naming_the_short_skus_and_changes_no_stock() {
        Stock keyboards = stock("KB-001");
        Stock stands = stock("LS-006");
        OrderPlaced placed = orderPlaced("carol", line("NOPE-404", 2), line("KB-001", 1), line("LS-006", 1));
        String orderId = placed.orderId().toString();

        awaitConsumed(events.publish(placed));

        assertThat(stock("KB-001")).isEqualTo(keyboards);
        assertThat(stock("LS-006")).isEqualTo(stands);
        assertThat(reservationStatus(placed.orderId())).contains("FAILED");
        assertThat(allPublished(inventoryEvents, orderId, STOCK_RESERVED)).isEmpty();
        List<ConsumerRecord<String, byte[]>> failed = allPublished(inventoryEvents, orderId,
                STOCK_RESERVATION_FAILED);
        assertThat(failed).hasSize(1);
        StockReservationFailed event = EventJson.read(failed.getFirst().value(), StockReservationFailed.class);
        assertThat(event.shortages()).as("the short products only, by SKU; an unknown one has none available")
                .containsExactly(new Shortage(new Sku("LS-006"), 1, stands.available()),
                        new Shortage(new Sku("NOPE-404"), 2, 0));
        assertThat(header(failed.getFirst(), "ce_subject")).isEqualTo(orderId);
    }

    @Test
    void an_order_delivered_twice_reserves_once() {
        Stock before = stock("MN-003");
        OrderPlaced placed = orderPlaced("alice", line("MN-003", 1));
        Published first = events.publish(placed);
        awaitConsumed(first);

        awaitConsumed(events.publish(placed, first.eventId()));

        assertThat(stock("MN-003")).isEqualTo(before.holding(1));
        assertThat(outboxCount(placed.orderId().toString(), STOCK_RESERVED)).isEqualTo(1);
        assertThat(allPublished(inventoryEvents, placed.orderId().toString(), STOCK_RESERVED)).hasSize(1);
    }

    @Test
    void continues_the_trace_of_the_order_and_names_the_order_in_every_log_line(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        OrderPlaced placed = orderPlaced("alice", line("HB-004", 1));
        String orderId = placed.orderId().toString();
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        awaitConsumed(events.publish(placed, UUID.randomUUID(), Instant.now(), traceparent));

        assertThat(header(awaitRecord(inventoryEvents, orderId, STOCK_RESERVED), "traceparent"))
                .startsWith("00-" + traceId + "-");
        assertThat(output.getOut().lines().filter(line -> line.contains("Reserved [")))
                .anySatisfy(line -> assertThat(line).matches(
                        ".*\\[inventory-service," + traceId + ",[0-9a-f]{16},orderId=" + orderId + "].*"));
    }
}
