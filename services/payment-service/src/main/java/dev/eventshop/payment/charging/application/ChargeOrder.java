package dev.eventshop.payment.charging.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.util.Objects;

/** Charge a customer for an order whose stock is reserved. */
public record ChargeOrder(OrderId orderId, CustomerId customerId, Money amount) {

    public ChargeOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }
}
