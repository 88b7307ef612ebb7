package dev.eventshop.email;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import java.time.Instant;
import java.util.List;

/** Order outcomes as the order-service publishes them, each about a new order: two keyboards and a mouse. */
public final class OrderEvents {

    public static final List<OrderLine> LINES = List.of(
            new OrderLine(new Sku("KB-001"), 2, Money.of("89.00", "EUR")),
            new OrderLine(new Sku("MS-002"), 1, Money.of("29.00", "EUR")));
    public static final Money TOTAL = Money.of("207.00", "EUR");

    private OrderEvents() {
    }

    public static OrderConfirmed confirmed(String customerId) {
        return new OrderConfirmed(OrderId.newId(), new CustomerId(customerId), LINES, TOTAL, Instant.now());
    }

    public static OrderCancelled cancelled(String customerId, CancellationReason reason) {
        return new OrderCancelled(OrderId.newId(), new CustomerId(customerId), LINES, TOTAL, reason, Instant.now());
    }
}
