package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the analytics knows about one order, gathered from every event about it on any topic: when each step of
 * the saga happened, and how the order ended.
 *
 * <p>{@link #merge} keeps, for each fact, the same one whatever the order in which the facts arrived: the earliest time
 * of each step, the earliest confirmation and the earliest cancellation (ties broken by content). So merging is
 * commutative, associative and idempotent: an event delivered twice, one that comes back from a retry topic after
 * later ones, and a replay from the start of the topics all end in the same facts. Times are kept to the microsecond,
 * the precision of the stored read models, so that facts merged in memory equal the same facts merged in storage.
 *
 * @param placedAt when the order was placed, as {@code OrderPlaced} says; needed for the time to confirm
 * @param customerNotifiedAt when the customer was first emailed about the outcome
 */
public record OrderFacts(OrderId orderId, @Nullable Instant placedAt, @Nullable Instant stockReservedAt,
        @Nullable Instant paymentCompletedAt, @Nullable Confirmation confirmation, @Nullable Cancellation cancellation,
        @Nullable Instant customerNotifiedAt) implements Facts {

    private static final Comparator<Confirmation> EARLIEST_CONFIRMATION = Comparator
            .comparing(Confirmation::confirmedAt)
            .thenComparing(confirmation -> confirmation.total().currency())
            .thenComparing(confirmation -> confirmation.total().amount())
            .thenComparing(confirmation -> confirmation.units().toString());
    private static final Comparator<Cancellation> EARLIEST_CANCELLATION = Comparator
            .comparing(Cancellation::cancelledAt)
            .thenComparing(Cancellation::reason);

    public OrderFacts {
        Objects.requireNonNull(orderId, "orderId");
        placedAt = micros(placedAt);
        stockReservedAt = micros(stockReservedAt);
        paymentCompletedAt = micros(paymentCompletedAt);
        customerNotifiedAt = micros(customerNotifiedAt);
    }

    /** Only that the order exists: every event about an order means it was placed. */
    public static OrderFacts known(OrderId orderId) {
        return new OrderFacts(orderId, null, null, null, null, null, null);
    }

    public static OrderFacts placed(OrderId orderId, Instant at) {
        return new OrderFacts(orderId, at, null, null, null, null, null);
    }

    public static OrderFacts stockReserved(OrderId orderId, Instant at) {
        return new OrderFacts(orderId, null, at, null, null, null, null);
    }

    public static OrderFacts paymentCompleted(OrderId orderId, Instant at) {
        return new OrderFacts(orderId, null, null, at, null, null, null);
    }

    public static OrderFacts confirmed(OrderId orderId, Confirmation confirmation) {
        return new OrderFacts(orderId, null, null, null, confirmation, null, null);
    }

    public static OrderFacts cancelled(OrderId orderId, Cancellation cancellation) {
        return new OrderFacts(orderId, null, null, null, null, cancellation, null);
    }

    public static OrderFacts customerNotified(OrderId orderId, Instant at) {
        return new OrderFacts(orderId, null, null, null, null, null, at);
    }

    /** What is known of the order from both: the same result in either order, and merging twice changes nothing. */
    public OrderFacts merge(OrderFacts other) {
        if (!orderId.equals(other.orderId)) {
            throw new IllegalArgumentException("facts of order " + other.orderId + " do not belong to " + orderId);
        }
        return new OrderFacts(orderId,
                first(placedAt, other.placedAt, Comparator.naturalOrder()),
                first(stockReservedAt, other.stockReservedAt, Comparator.naturalOrder()),
                first(paymentCompletedAt, other.paymentCompletedAt, Comparator.naturalOrder()),
                first(confirmation, other.confirmation, EARLIEST_CONFIRMATION),
                first(cancellation, other.cancellation, EARLIEST_CANCELLATION),
                first(customerNotifiedAt, other.customerNotifiedAt, Comparator.naturalOrder()));
    }

    /**
     * How the order ended. Only one of confirmation and cancellation ever happens; should both be known, the earlier
     * one decided, as the order's own state machine would have.
     */
    public Outcome outcome() {
        if (confirmation == null) {
            return cancellation == null ? Outcome.PENDING : Outcome.CANCELLED;
        }
        if (cancellation == null) {
            return Outcome.CONFIRMED;
        }
        return cancellation.cancelledAt().isBefore(confirmation.confirmedAt()) ? Outcome.CANCELLED : Outcome.CONFIRMED;
    }

    /** From placement to confirmation, by the times the events state; empty until the order is both. */
    public Optional<Duration> timeToConfirm() {
        if (placedAt == null || confirmation == null || outcome() != Outcome.CONFIRMED) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(placedAt, confirmation.confirmedAt()));
    }

    static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> @Nullable T first(@Nullable T a, @Nullable T b, Comparator<? super T> order) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return order.compare(a, b) <= 0 ? a : b;
    }
}
