package dev.eventshop.events.payment;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * The money a completed payment took was paid back into the customer's account, because the order was cancelled
 * (the compensation of {@link PaymentCompleted}). At most one per order, for the amount of its payment.
 */
public record PaymentRefunded(OrderId orderId, CustomerId customerId, Money amount, Instant refundedAt)
        implements IntegrationEvent {

    public PaymentRefunded {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
