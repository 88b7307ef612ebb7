package dev.eventshop.order.lifecycle.web;

/** A path names an order with something that is not an order id. */
class InvalidOrderIdException extends RuntimeException {

    InvalidOrderIdException() {
        super("must be a UUID like 3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
    }
}
