package dev.eventshop.order.lifecycle.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An order and its place in the saga: a state machine that starts {@code PENDING} and ends {@code CONFIRMED} or
 * {@code CANCELLED}. Only those two transitions exist, and only from {@code PENDING}: a late or repeated outcome (a
 * payment failure after the order was confirmed, a second confirmation) changes nothing and is not an error, because
 * events arrive at least once and in no guaranteed order across topics.
 */
public final class Order {

    /** The most lines a single order may have. */
    public static final int MAX_LINES = 100;

    private final OrderId id;
    private final CustomerId customerId;
    private final List<OrderLine> lines;
    private final Money total;
    private final Instant createdAt;
    private OrderStatus status;
    private @Nullable CancellationReason cancellationReason;
    private Instant updatedAt;

    private Order(OrderId id, CustomerId customerId, List<OrderLine> lines, OrderStatus status,
            @Nullable CancellationReason cancellationReason, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.lines = List.copyOf(lines);
        this.status = Objects.requireNonNull(status, "status");
        this.cancellationReason = cancellationReason;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.total = totalOf(this.lines);
        if ((status == OrderStatus.CANCELLED) != (cancellationReason != null)) {
            throw new IllegalArgumentException("a cancellation reason goes with, and only with, a cancelled order");
        }
    }

    /**
     * A new, {@code PENDING} order.
     *
     * @throws IllegalArgumentException when the lines are empty, more than {@value #MAX_LINES}, name a product twice
     *     or are priced in different currencies
     */
    public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, Instant placedAt) {
        return new Order(id, customerId, lines, OrderStatus.PENDING, null, placedAt, placedAt);
    }

    /** An order as it was stored; the same rules hold as for a new one. */
    public static Order restore(OrderId id, CustomerId customerId, List<OrderLine> lines, OrderStatus status,
            @Nullable CancellationReason cancellationReason, Instant createdAt, Instant updatedAt) {
        return new Order(id, customerId, lines, status, cancellationReason, createdAt, updatedAt);
    }

    /** Confirms a pending order; an order that is already confirmed or cancelled stays as it is. */
    public Optional<OrderEvent.Confirmed> confirm(Instant at) {
        if (status.isFinal()) {
            return Optional.empty();
        }
        status = OrderStatus.CONFIRMED;
        updatedAt = at;
        return Optional.of(new OrderEvent.Confirmed(id, at));
    }

    /** Cancels a pending order; an order that is already confirmed or cancelled stays as it is. */
    public Optional<OrderEvent.Cancelled> cancel(CancellationReason reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        if (status.isFinal()) {
            return Optional.empty();
        }
        status = OrderStatus.CANCELLED;
        cancellationReason = reason;
        updatedAt = at;
        return Optional.of(new OrderEvent.Cancelled(id, reason, at));
    }

    private static Money totalOf(List<OrderLine> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines, not " + lines.size());
        }
        Set<Sku> skus = new HashSet<>();
        Money total = Money.zero(lines.getFirst().unitPrice().currency());
        for (OrderLine line : lines) {
            if (!skus.add(line.sku())) {
                throw new IllegalArgumentException("an order names each product once: " + line.sku() + " twice");
            }
            total = total.plus(line.lineTotal());
        }
        return total;
    }

    public OrderId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    /** The sum of the lines, in their one currency. */
    public Money total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    /** Why the order was cancelled; empty unless it was. */
    public Optional<CancellationReason> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Order " + id + " " + status;
    }
}
