package dev.eventshop.payment.charging.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.util.Objects;

/** Settle the payment of an order that was cancelled, for whatever reason, at whatever point of the saga. */
public record CancelledOrder(OrderId orderId, CustomerId customerId, Money total) {

    public CancelledOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
    }
}
