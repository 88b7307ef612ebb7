package dev.eventshop.payment.charging.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one payment of an order: completed (the account was debited for {@code amount}), failed for a {@code reason},
 * or voided because the order was cancelled before it was charged. An order has at most one, decided once; a completed
 * one may later be refunded, which is a fact of its own ({@link Refund}).
 *
 * @param reason why the payment failed; present with, and only with, {@link PaymentStatus#FAILED}
 */
public record Payment(OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status,
        @Nullable DeclineReason reason, Instant createdAt) {

    public Payment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((status == PaymentStatus.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("a decline reason goes with, and only with, a failed payment");
        }
    }

    public static Payment completed(OrderId orderId, CustomerId customerId, Money amount, Instant at) {
        return new Payment(orderId, customerId, amount, PaymentStatus.COMPLETED, null, at);
    }

    /** The payment of an order cancelled before it was charged: it holds the place, so the order is never charged. */
    public static Payment voided(OrderId orderId, CustomerId customerId, Money amount, Instant at) {
        return new Payment(orderId, customerId, amount, PaymentStatus.VOIDED, null, at);
    }

    /** The refund this payment calls for now that its order is cancelled: only a completed payment took money. */
    public Optional<Refund> refundOnCancellation(Instant at) {
        return status == PaymentStatus.COMPLETED ? Optional.of(new Refund(orderId, customerId, amount, at))
                : Optional.empty();
    }

    public static Payment failed(OrderId orderId, CustomerId customerId, Money amount, DeclineReason reason,
            Instant at) {
        return new Payment(orderId, customerId, amount, PaymentStatus.FAILED, Objects.requireNonNull(reason), at);
    }
}
