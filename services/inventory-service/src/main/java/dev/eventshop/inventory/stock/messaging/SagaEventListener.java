package dev.eventshop.inventory.stock.messaging;

import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.inventory.stock.application.ReserveStock;
import dev.eventshop.inventory.stock.application.StockReservations;
import dev.eventshop.messaging.inbox.BatchedFetches;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the order's and the payment's events into the inventory's part of the saga: a placed order reserves, a
 * confirmed one commits, a failed payment or a cancellation releases. Each event's effect runs once (the inbox drops a
 * redelivered event), and a reservation ignores a step that comes too late. Events the inventory has nothing to do
 * with are skipped without touching the database.
 */
@Component
class SagaEventListener {

    private final EventHandlers handlers;

    SagaEventListener(Inbox inbox, StockReservations reservations) {
        handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> reservations.reserve(ReserveStock.of(placed)))
                .on(OrderConfirmed.class, (confirmed, event) -> reservations.commit(confirmed.orderId()))
                .on(OrderCancelled.class,
                        (cancelled, event) -> reservations.release(cancelled.orderId(), cancelled.customerId()))
                .on(PaymentFailed.class, (failed, event) -> reservations.release(failed.orderId(), failed.customerId()))
                .build();
    }

    /** The order's events, as they come: a placed order's reservation is a step of the saga. */
    @KafkaListener(topics = Topics.Names.ORDER_EVENTS)
    void onOrderEvent(IncomingEvent<?> event) {
        handlers.handle(event);
    }

    /**
     * The payment's events, fetched in batches: a failed payment's release is a compensation that nothing on the
     * saga's path waits for (the order's cancellation releases the stock too, whichever comes first), and every
     * completed payment is read here only to be ignored. Its own consumer, so the order's events never wait for it.
     */
    @KafkaListener(topics = Topics.Names.PAYMENT_EVENTS, properties = {BatchedFetches.MIN_BYTES, BatchedFetches.MAX_WAIT})
    void onPaymentEvent(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
