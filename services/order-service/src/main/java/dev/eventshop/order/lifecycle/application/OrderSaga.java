package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.domain.CancellationReason;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order-service's part of the saga: what each inventory and payment outcome does to an order. Every step notes
 * the received event on the order's timeline; the ones that decide the order's fate move it on and emit the outcome.
 * A step the order's state no longer allows (a late or out-of-order event) is noted and otherwise ignored.
 */
@Service
@Transactional
public class OrderSaga {

    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderEventEmitter events;
    private final OrderOutcomes outcomes;
    private final Clock clock;

    OrderSaga(OrderRepository orders, OrderTimeline timeline, OrderEventEmitter events, OrderOutcomes outcomes,
            Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.events = events;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The inventory holds every line; payment comes next, so there is nothing to decide yet. */
    public void stockReserved(OrderId orderId, TimelineEntry received) {
        note(orderId, received);
    }

    /** The inventory gave the order's stock back after a failed payment. */
    public void stockReleased(OrderId orderId, TimelineEntry received) {
        note(orderId, received);
    }

    public void paymentCompleted(OrderId orderId, TimelineEntry received) {
        decide(orderId, received, order -> order.confirm(clock.instant())
                .map(confirmed -> IntegrationEvents.confirmed(order, confirmed)));
    }

    /** The payment-service paid back a payment that completed after the order was cancelled. */
    public void paymentRefunded(OrderId orderId, TimelineEntry received) {
        note(orderId, received);
    }

    public void stockReservationFailed(OrderId orderId, TimelineEntry received) {
        cancel(orderId, received, CancellationReason.OUT_OF_STOCK);
    }

    public void paymentFailed(OrderId orderId, TimelineEntry received) {
        cancel(orderId, received, CancellationReason.PAYMENT_DECLINED);
    }

    /**
     * Cancels, as {@code TIMED_OUT}, up to {@code limit} orders still pending although placed before
     * {@code placedBefore}, oldest first, in one transaction: each with its {@code OrderCancelled} in the outbox. Orders
     * a saga step or another replica holds right now are left for the next call.
     *
     * @return how many orders were cancelled
     */
    public int cancelOverdue(Instant placedBefore, int limit) {
        List<Order> overdue = orders.lockPendingPlacedBefore(placedBefore, limit);
        Instant now = clock.instant();
        for (Order order : overdue) {
            // Locked and pending, so the transition happens.
            OrderEvent.Cancelled cancelled = order.cancel(CancellationReason.TIMED_OUT, now).orElseThrow();
            orders.update(order);
            events.emit(order.id(), IntegrationEvents.cancelled(order, cancelled), order.updatedAt());
            outcomes.finished(order);
            log.info("Order {} CANCELLED: still pending {} after it was placed", order.id(),
                    Duration.between(order.createdAt(), now));
        }
        return overdue.size();
    }

    private void cancel(OrderId orderId, TimelineEntry received, CancellationReason reason) {
        decide(orderId, received, order -> order.cancel(reason, clock.instant())
                .map(cancelled -> IntegrationEvents.cancelled(order, cancelled)));
    }

    private void note(OrderId orderId, TimelineEntry received) {
        if (orders.find(orderId).isPresent()) {
            timeline.record(orderId, received);
        } else {
            log.warn("Ignored {} {}: no such order", received.type(), received.eventId());
        }
    }

    private void decide(OrderId orderId, TimelineEntry received,
            Function<Order, Optional<? extends IntegrationEvent>> transition) {
        Optional<Order> found = orders.findForUpdate(orderId);
        if (found.isEmpty()) {
            log.warn("Ignored {} {}: no such order", received.type(), received.eventId());
            return;
        }
        Order order = found.get();
        timeline.record(orderId, received);
        transition.apply(order).ifPresentOrElse(outcome -> {
            orders.update(order);
            events.emit(orderId, outcome, order.updatedAt());
            outcomes.finished(order);
            log.info("Order {} on {}", order.status(), received.type());
        }, () -> log.info("Order stays {} on {} {}: too late to change it", order.status(), received.type(),
                received.eventId()));
    }
}
