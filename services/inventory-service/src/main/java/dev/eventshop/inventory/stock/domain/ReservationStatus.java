package dev.eventshop.inventory.stock.domain;

/** Where an order's reservation stands. Only {@code RESERVED} holds stock; every other status is final. */
public enum ReservationStatus {
    /** Every item of the order is held. */
    RESERVED,
    /** At least one item was short, so none was held. */
    FAILED,
    /** The held items were given back: the payment failed or the order was cancelled. */
    RELEASED,
    /** The held items were sold: the order was confirmed. */
    COMMITTED,
    /**
     * The order was withdrawn (its payment failed or it was cancelled) before its {@code OrderPlaced} arrived, which
     * retry topics make possible. Nothing was ever held, and the {@code OrderPlaced}, when it comes, holds nothing.
     */
    CANCELLED
}
