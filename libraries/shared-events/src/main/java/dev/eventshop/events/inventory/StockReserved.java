package dev.eventshop.events.inventory;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every line of the order is held. Carries the customer and the total so the payment-service can charge without
 * keeping a copy of the order.
 */
public record StockReserved(OrderId orderId, CustomerId customerId, List<StockLine> lines, Money total,
        Instant reservedAt) implements IntegrationEvent {

    public StockReserved {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(reservedAt, "reservedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
