package dev.eventshop.payment.charging.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/** The money a completed payment took, paid back because its order was cancelled. At most one per order. */
public record Refund(OrderId orderId, CustomerId customerId, Money amount, Instant refundedAt) {

    public Refund {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
