package dev.eventshop.order.lifecycle.domain;

/** Where an order stands in the saga. {@code CONFIRMED} and {@code CANCELLED} are final. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
