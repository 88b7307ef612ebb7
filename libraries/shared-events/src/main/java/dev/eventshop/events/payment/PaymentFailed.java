package dev.eventshop.events.payment;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/** The customer could not be charged; nothing was debited. */
public record PaymentFailed(OrderId orderId, CustomerId customerId, Money amount, PaymentFailureReason reason,
        Instant failedAt) implements IntegrationEvent {

    public PaymentFailed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
