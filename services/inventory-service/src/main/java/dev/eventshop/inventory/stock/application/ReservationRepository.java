package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.OrderId;
import dev.eventshop.inventory.stock.domain.Reservation;
import java.util.Optional;

/** Where reservations are kept, one per order. Every method joins the caller's transaction. */
public interface ReservationRepository {

    /**
     * Takes the order's lock until the transaction ends, whether or not it has a reservation yet. An order's events
     * come on several topics and their retry topics, each consumed by a thread of its own, so a
     * {@code PaymentFailed} and an {@code OrderCancelled} of one order, or an {@code OrderPlaced} and a
     * {@code PaymentFailed}, may be handled at the same time. This puts them one after the other, so that each reads
     * the reservation as the one before left it: without it, both could read a held reservation and release it twice.
     */
    void lockOrder(OrderId orderId);

    Optional<Reservation> find(OrderId orderId);

    void insert(Reservation reservation);

    /** Stores the reservation's status, update time and any items it did not have. */
    void update(Reservation reservation);
}
