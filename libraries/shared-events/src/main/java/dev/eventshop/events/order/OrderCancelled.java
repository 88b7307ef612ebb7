package dev.eventshop.events.order;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The order will not ship; {@code reason} says why. */
public record OrderCancelled(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
        CancellationReason reason, Instant cancelledAt) implements IntegrationEvent {

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
