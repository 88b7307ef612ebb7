package dev.eventshop.events.order;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Stock was reserved and the payment went through: the order will ship. */
public record OrderConfirmed(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
        Instant confirmedAt) implements IntegrationEvent {

    public OrderConfirmed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
