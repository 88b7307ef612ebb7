package dev.eventshop.events.order;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A customer placed an order; it waits for stock and payment. Starts the saga. */
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total, Instant placedAt)
        implements IntegrationEvent {

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
