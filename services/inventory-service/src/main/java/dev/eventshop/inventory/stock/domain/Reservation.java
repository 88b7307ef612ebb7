package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stock held for one order, and the order's place in the inventory's part of the saga. A placed order holds every
 * item or none; a held reservation is later either released (given back) or committed (sold), once. Events arrive at
 * least once and, through retry topics, in no guaranteed order, so every transition that is no longer possible (a
 * second release, a release of a failed reservation, a confirmation after a release) changes nothing and is not an
 * error.
 *
 * <p>A withdrawal (a payment failure or a cancellation) that arrives before the order itself leaves a
 * {@link ReservationStatus#CANCELLED} record behind, so that the late order holds nothing: the stock stays exactly as
 * it was, and no reservation appears that nothing would ever release.
 *
 * <p>The products passed in must be locked by the caller for the rest of its transaction.
 */
public final class Reservation {

    private final OrderId orderId;
    private final CustomerId customerId;
    private ReservationStatus status;
    private List<StockItem> items;
    private Instant updatedAt;

    private Reservation(OrderId orderId, CustomerId customerId, ReservationStatus status, List<StockItem> items,
            Instant updatedAt) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.status = Objects.requireNonNull(status, "status");
        this.items = List.copyOf(items);
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (status != ReservationStatus.CANCELLED && this.items.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " reservation has the items of its order");
        }
    }

    /** A reservation as it was stored. */
    public static Reservation restore(OrderId orderId, CustomerId customerId, ReservationStatus status,
            List<StockItem> items, Instant updatedAt) {
        return new Reservation(orderId, customerId, status, items, updatedAt);
    }

    /**
     * Reserves every item of a newly placed order, or none when any is short. A product that does not exist counts as
     * short with 0 available.
     *
     * @param products the requested products that exist, locked
     */
    public static Placement place(OrderId orderId, CustomerId customerId, StockRequest request,
            Map<Sku, Product> products, Instant at) {
        List<Shortage> shortages = new ArrayList<>();
        for (StockItem item : request.items()) {
            Product product = products.get(item.sku());
            int available = product == null ? 0 : product.available();
            if (item.quantity() > available) {
                shortages.add(new Shortage(item.sku(), item.quantity(), available));
            }
        }
        if (!shortages.isEmpty()) {
            return new Placement(new Reservation(orderId, customerId, ReservationStatus.FAILED, request.items(), at),
                    new ReservationEvent.Failed(orderId, shortages, at));
        }
        for (StockItem item : request.items()) {
            // no shortage means every product is there
            Objects.requireNonNull(products.get(item.sku()), item.sku().value()).hold(item.quantity(), at);
        }
        return new Placement(new Reservation(orderId, customerId, ReservationStatus.RESERVED, request.items(), at),
                new ReservationEvent.Reserved(orderId, customerId, request.items(), at));
    }

    /**
     * The record of an order withdrawn before it arrived: nothing is held, nothing is given back, and the order,
     * when it comes, is refused.
     */
    public static Reservation withdrawnBeforePlaced(OrderId orderId, CustomerId customerId, Instant at) {
        return new Reservation(orderId, customerId, ReservationStatus.CANCELLED, List.of(), at);
    }

    /**
     * An order placed for a reservation already on record. If the order was withdrawn before it arrived, it is
     * refused, once: nothing is held, and the answer names no shortage because none was the reason. Any other
     * reservation already answered its order, so this is a repeat and changes nothing.
     */
    public Optional<ReservationEvent.Failed> refuseIfWithdrawn(StockRequest request, Instant at) {
        // A withdrawn reservation with items has seen its order already.
        if (status != ReservationStatus.CANCELLED || !items.isEmpty()) {
            return Optional.empty();
        }
        items = request.items();
        updatedAt = at;
        return Optional.of(new ReservationEvent.Failed(orderId, List.of(), at));
    }

    /** Gives the held items back; a reservation that holds nothing stays as it is. */
    public Optional<ReservationEvent.Released> release(Map<Sku, Product> products, Instant at) {
        if (!holdsStock()) {
            return Optional.empty();
        }
        items.forEach(item -> product(products, item).giveBack(item.quantity(), at));
        moveTo(ReservationStatus.RELEASED, at);
        return Optional.of(new ReservationEvent.Released(orderId, items, at));
    }

    /** Sells the held items; a reservation that holds nothing stays as it is. */
    public Optional<ReservationEvent.Committed> commit(Map<Sku, Product> products, Instant at) {
        if (!holdsStock()) {
            return Optional.empty();
        }
        items.forEach(item -> product(products, item).sell(item.quantity(), at));
        moveTo(ReservationStatus.COMMITTED, at);
        return Optional.of(new ReservationEvent.Committed(orderId, items, at));
    }

    /** Whether stock is held for the order: only then do {@link #release} and {@link #commit} change anything. */
    public boolean holdsStock() {
        return status == ReservationStatus.RESERVED;
    }

    private void moveTo(ReservationStatus next, Instant at) {
        status = next;
        updatedAt = at;
    }

    private static Product product(Map<Sku, Product> products, StockItem item) {
        Product product = products.get(item.sku());
        if (product == null) {
            throw new IllegalStateException("product " + item.sku() + " of a held reservation is missing");
        }
        return product;
    }

    public OrderId orderId() {
        return orderId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public ReservationStatus status() {
        return status;
    }

    /** The products the order asked for, each once, in SKU order; empty while the order has not arrived. */
    public List<StockItem> items() {
        return items;
    }

    public List<Sku> skus() {
        return items.stream().map(StockItem::sku).toList();
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Reservation " + orderId + " " + status;
    }

    /** A newly placed order's reservation, and how the order was answered. */
    public record Placement(Reservation reservation, ReservationEvent.Outcome outcome) {
    }
}
