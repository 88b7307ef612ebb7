package dev.eventshop.order.lifecycle.web;

import dev.eventshop.events.OrderId;

/** No order has this id. */
class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException(OrderId id) {
        super("There is no order " + id + ".");
    }
}
