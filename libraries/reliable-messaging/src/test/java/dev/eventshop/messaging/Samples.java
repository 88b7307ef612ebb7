package dev.eventshop.messaging;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import java.time.Instant;
import java.util.List;

/** Events for the library's tests. The line quantity doubles as a sequence number where order matters. */
final class Samples {

    private Samples() {
    }

    static OrderPlaced orderPlaced(OrderId orderId, int sequence) {
        return new OrderPlaced(orderId, new CustomerId("alice"),
                List.of(new OrderLine(new Sku("KB-001"), sequence, Money.of("89.00", "EUR"))),
                Money.of("89.00", "EUR").times(sequence), Instant.parse("2026-11-23T10:00:00Z"));
    }

    static OrderPlaced orderPlaced() {
        return orderPlaced(OrderId.newId(), 1);
    }

    /** The sequence number {@link #orderPlaced(OrderId, int)} put into an event's JSON. */
    static int sequenceOf(byte[] json) {
        return dev.eventshop.events.EventJson.read(json, OrderPlaced.class).lines().getFirst().quantity();
    }
}
