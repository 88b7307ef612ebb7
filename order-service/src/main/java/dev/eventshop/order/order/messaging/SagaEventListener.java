package dev.eventshop.order.order.messaging;

import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.order.order.application.OrderSaga;
import dev.eventshop.order.order.application.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the inventory's and the payment's outcomes into the order saga. Each event's effect runs once: the library's
 * idempotent consumer drops a redelivered event, and the order's state machine ignores one that comes too late.
 */
@Component
class SagaEventListener {

    /** {@code Topics.INVENTORY_EVENTS}, as a constant for the annotation. */
    static final String INVENTORY_EVENTS = "inventory-events";
    /** {@code Topics.PAYMENT_EVENTS}, as a constant for the annotation. */
    static final String PAYMENT_EVENTS = "payment-events";

    private static final Logger log = LoggerFactory.getLogger(SagaEventListener.class);

    private final IdempotentConsumer consumer;
    private final OrderSaga saga;

    SagaEventListener(IdempotentConsumer consumer, OrderSaga saga) {
        this.consumer = consumer;
        this.saga = saga;
    }

    @KafkaListener(topics = INVENTORY_EVENTS)
    void onInventoryEvent(IncomingEvent<?> event) {
        handle(event);
    }

    @KafkaListener(topics = PAYMENT_EVENTS)
    void onPaymentEvent(IncomingEvent<?> event) {
        handle(event);
    }

    private void handle(IncomingEvent<?> event) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("orderId", event.subject())) {
            boolean handled = consumer.handleOnce(event, () -> apply(event));
            if (!handled) {
                log.info("Dropped {}: already processed", event);
            }
        }
    }

    private void apply(IncomingEvent<?> event) {
        TimelineEntry received = new TimelineEntry(event.id(), event.type().name(), event.source(), event.time());
        switch (event.payload()) {
            case StockReserved reserved -> saga.stockReserved(reserved.orderId(), received);
            case StockReservationFailed failed -> saga.stockReservationFailed(failed.orderId(), received);
            case StockReleased released -> saga.stockReleased(released.orderId(), received);
            case PaymentCompleted completed -> saga.paymentCompleted(completed.orderId(), received);
            case PaymentFailed failed -> saga.paymentFailed(failed.orderId(), received);
            default -> log.debug("Ignored {}: not part of the order saga", event);
        }
    }
}
