package dev.eventshop.order.lifecycle.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.List;

/** Orders and lines for tests of the aggregate. */
final class OrderFixture {

    static final Instant PLACED_AT = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant LATER = PLACED_AT.plusSeconds(5);
    static final Instant MUCH_LATER = PLACED_AT.plusSeconds(60);

    private OrderFixture() {
    }

    static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(new Sku(sku), quantity, Money.of(unitPrice, "EUR"));
    }

    /** Alice's two keyboards: 178.00 EUR. */
    static Order pendingOrder() {
        return Order.place(OrderId.newId(), new CustomerId("alice"), List.of(line("KB-001", 2, "89.00")), PLACED_AT);
    }

    static Order confirmedOrder() {
        Order order = pendingOrder();
        order.confirm(LATER);
        return order;
    }

    static Order cancelledOrder(CancellationReason reason) {
        Order order = pendingOrder();
        order.cancel(reason, LATER);
        return order;
    }
}
