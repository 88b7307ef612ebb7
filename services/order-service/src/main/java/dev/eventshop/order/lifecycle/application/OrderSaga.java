package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.domain.CancellationReason;
import dev.eventshop.order.lifecycle.domain.Order;
import java.time.Clock;
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

    public void stockReservationFailed(OrderId orderId, TimelineEntry received) {
        cancel(orderId, received, CancellationReason.OUT_OF_STOCK);
    }

    public void paymentFailed(OrderId orderId, TimelineEntry received) {
        cancel(orderId, received, CancellationReason.PAYMENT_DECLINED);
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
