package dev.eventshop.inventory.stock.messaging;

import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.inventory.stock.application.ReserveStock;
import dev.eventshop.inventory.stock.application.StockReservations;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the order's and the payment's events into the inventory's part of the saga: a placed order reserves, a
 * confirmed one commits, a failed payment or a cancellation releases. Each event's effect runs once: the library's
 * idempotent consumer drops a redelivered event, and a reservation ignores a step that comes too late. Events the
 * inventory has nothing to do with are skipped without touching the database.
 */
@Component
class SagaEventListener {

    /** {@code Topics.ORDER_EVENTS}, as a constant for the annotation. */
    static final String ORDER_EVENTS = "order-events";
    /** {@code Topics.PAYMENT_EVENTS}, as a constant for the annotation. */
    static final String PAYMENT_EVENTS = "payment-events";
    /** The log context key that names the order in every line logged while handling its event. */
    static final String ORDER_ID = "orderId";

    private static final Logger log = LoggerFactory.getLogger(SagaEventListener.class);

    private final IdempotentConsumer consumer;
    private final StockReservations reservations;

    SagaEventListener(IdempotentConsumer consumer, StockReservations reservations) {
        this.consumer = consumer;
        this.reservations = reservations;
    }

    @KafkaListener(topics = ORDER_EVENTS)
    void onOrderEvent(IncomingEvent<?> event) {
        handle(event);
    }

    @KafkaListener(topics = PAYMENT_EVENTS)
    void onPaymentEvent(IncomingEvent<?> event) {
        handle(event);
    }

    private void handle(IncomingEvent<?> event) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(ORDER_ID, event.subject())) {
            Runnable effect = effectOf(event);
            if (effect == null) {
                log.debug("Ignored {}: nothing for the inventory to do", event);
            } else if (!consumer.handleOnce(event, effect)) {
                log.info("Dropped {}: already processed", event);
            }
        }
    }

    private @Nullable Runnable effectOf(IncomingEvent<?> event) {
        return switch (event.payload()) {
            case OrderPlaced placed -> () -> reservations.reserve(ReserveStock.of(placed));
            case OrderConfirmed confirmed -> () -> reservations.commit(confirmed.orderId());
            case OrderCancelled cancelled -> () -> reservations.release(cancelled.orderId(), cancelled.customerId());
            case PaymentFailed failed -> () -> reservations.release(failed.orderId(), failed.customerId());
            default -> null;
        };
    }
}
