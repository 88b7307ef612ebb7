package dev.eventshop.events.payment;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/** The customer's account was debited for the order. */
public record PaymentCompleted(OrderId orderId, CustomerId customerId, Money amount, Instant completedAt)
        implements IntegrationEvent {

    public PaymentCompleted {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
