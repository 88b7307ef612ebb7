package dev.eventshop.order.lifecycle.messaging;

import dev.eventshop.events.Topics;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentRefunded;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.order.lifecycle.application.OrderSaga;
import dev.eventshop.order.lifecycle.application.TimelineEntry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the inventory's and the payment's outcomes into the order saga. Each event's effect runs once (the inbox
 * drops a redelivered event), and the order's state machine ignores one that comes too late.
 */
@Component
class SagaEventListener {

    private final EventHandlers handlers;

    SagaEventListener(Inbox inbox, OrderSaga saga) {
        handlers = inbox.handlers()
                .on(StockReserved.class, (reserved, event) -> saga.stockReserved(reserved.orderId(), received(event)))
                .on(StockReservationFailed.class,
                        (failed, event) -> saga.stockReservationFailed(failed.orderId(), received(event)))
                .on(StockReleased.class, (released, event) -> saga.stockReleased(released.orderId(), received(event)))
                .on(PaymentCompleted.class,
                        (completed, event) -> saga.paymentCompleted(completed.orderId(), received(event)))
                .on(PaymentFailed.class, (failed, event) -> saga.paymentFailed(failed.orderId(), received(event)))
                .on(PaymentRefunded.class,
                        (refunded, event) -> saga.paymentRefunded(refunded.orderId(), received(event)))
                .build();
    }

    @KafkaListener(topics = {Topics.Names.INVENTORY_EVENTS, Topics.Names.PAYMENT_EVENTS})
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }

    /** The event as the order's timeline shows it. */
    private static TimelineEntry received(IncomingEvent<?> event) {
        return new TimelineEntry(event.id(), event.type().name(), event.source(), event.time());
    }
}
