package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventPublisher;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.domain.Product;
import dev.eventshop.inventory.stock.domain.Reservation;
import dev.eventshop.inventory.stock.domain.ReservationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's part of the order saga: holds an order's stock, gives it back or sells it. Each step is one
 * transaction that takes the order's lock, then locks the products it touches in SKU order, changes them, and appends
 * the outcome to the outbox; the products' new stock is announced a moment later ({@link StockAnnouncements}).
 * Concurrent orders for the last units queue on the product rows and each sees what the one before left: stock is
 * never oversold.
 */
@Service
@Transactional
public class StockReservations {

    private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final ProductPublication publication;
    private final EventPublisher events;
    private final Clock clock;

    StockReservations(ReservationRepository reservations, ProductRepository products,
            ProductPublication publication, EventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.products = products;
        this.publication = publication;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reserves every item of a placed order, or none, and answers with {@code StockReserved} or
     * {@code StockReservationFailed}.
     *
     * <p>An order withdrawn before it arrived (its {@code PaymentFailed} or {@code OrderCancelled} came first, as
     * retry topics allow) holds nothing and is answered with a {@code StockReservationFailed} without shortages:
     * every placed order gets exactly one answer, so nothing downstream waits for one that never comes, and the empty
     * list says that no product was short. The order is cancelled, or about to be, whatever this answer says.
     */
    public void reserve(ReserveStock command) {
        OrderId orderId = command.orderId();
        reservations.lockOrder(orderId);
        Instant now = clock.instant();
        Optional<Reservation> existing = reservations.find(orderId);
        if (existing.isPresent()) {
            Reservation reservation = existing.get();
            reservation.refuseIfWithdrawn(command.request(), now).ifPresentOrElse(refused -> {
                reservations.update(reservation);
                events.publish(IntegrationEvents.failed(refused));
                log.info("Reserved nothing: the order was withdrawn before it arrived");
            }, () -> log.info("Ignored the order: its reservation is {} already", reservation.status()));
            return;
        }
        Map<Sku, Product> stock = products.lockAll(command.request().skus());
        Reservation.Placement placement = Reservation.place(orderId, command.customerId(), command.request(), stock,
                now);
        reservations.insert(placement.reservation());
        publication.saveForAnnouncement(stock.values());
        switch (placement.outcome()) {
            case ReservationEvent.Reserved reserved -> {
                events.publish(IntegrationEvents.reserved(reserved, command.total()));
                log.info("Reserved {}", reserved.items());
            }
            case ReservationEvent.Failed failed -> {
                events.publish(IntegrationEvents.failed(failed));
                log.info("Reserved nothing, short of {}", failed.shortages());
            }
        }
    }

    /**
     * Gives an order's held stock back, once, and announces it with {@code StockReleased}. A reservation that holds
     * nothing (failed, released or committed already) stays as it is. For an order not seen yet, a withdrawal is
     * recorded, so that its {@code OrderPlaced}, should it come later, reserves nothing.
     */
    public void release(OrderId orderId, CustomerId customerId) {
        reservations.lockOrder(orderId);
        Instant now = clock.instant();
        Optional<Reservation> found = reservations.find(orderId);
        if (found.isEmpty()) {
            reservations.insert(Reservation.withdrawnBeforePlaced(orderId, customerId, now));
            log.info("Nothing to release: the order has not arrived; noted, so that it reserves nothing when it does");
            return;
        }
        Reservation reservation = found.get();
        Map<Sku, Product> held = lockHeld(reservation);
        reservation.release(held, now).ifPresentOrElse(released -> {
            reservations.update(reservation);
            publication.saveForAnnouncement(held.values());
            events.publish(IntegrationEvents.released(released));
            log.info("Released {}", released.items());
        }, () -> log.info("Nothing to release: the reservation is {}", reservation.status()));
    }

    /** Sells an order's held stock, once: the reserved units leave the stock. */
    public void commit(OrderId orderId) {
        reservations.lockOrder(orderId);
        Instant now = clock.instant();
        Optional<Reservation> found = reservations.find(orderId);
        if (found.isEmpty()) {
            // The saga confirms only orders whose stock was reserved, and this service reserved nothing for it.
            log.warn("Nothing to commit: no reservation for the order");
            return;
        }
        Reservation reservation = found.get();
        Map<Sku, Product> held = lockHeld(reservation);
        reservation.commit(held, now).ifPresentOrElse(committed -> {
            reservations.update(reservation);
            publication.saveForAnnouncement(held.values());
            log.info("Committed {}", committed.items());
        }, () -> log.info("Nothing to commit: the reservation is {}", reservation.status()));
    }

    private Map<Sku, Product> lockHeld(Reservation reservation) {
        return reservation.holdsStock() ? products.lockAll(reservation.skus()) : Map.of();
    }
}
