package dev.eventshop.payment.charging.web;

import dev.eventshop.events.OrderId;

/** The order has no payment: unknown, or its stock is not reserved yet. */
class PaymentNotFoundException extends RuntimeException {

    PaymentNotFoundException(OrderId id) {
        super("There is no payment for order " + id + ".");
    }
}
