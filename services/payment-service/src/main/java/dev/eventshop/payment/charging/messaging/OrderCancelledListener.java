package dev.eventshop.payment.charging.messaging;

import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.messaging.inbox.BatchedFetches;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.payment.charging.application.CancelledOrder;
import dev.eventshop.payment.charging.application.PaymentProcessing;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Compensates the payment of a cancelled order: voids it when the order was not charged yet (its reservation may still
 * be on the way, from a slow or stopped consumer), refunds it when it was. A redelivered event is dropped by the inbox;
 * a second cancellation under another event id finds the payment settled already and changes nothing.
 */
@Component
class OrderCancelledListener {

    private final EventHandlers handlers;

    OrderCancelledListener(Inbox inbox, PaymentProcessing payments) {
        handlers = inbox.handlers()
                .on(OrderCancelled.class, (cancelled, event) -> payments.orderCancelled(
                        new CancelledOrder(cancelled.orderId(), cancelled.customerId(), cancelled.total())))
                .build();
    }

    /**
     * Off the saga's path: the order is final before its payment is compensated. Every order's events are read here
     * and most are ignored, so the fetches are batched; a compensation may come a second later.
     */
    @KafkaListener(topics = Topics.Names.ORDER_EVENTS, properties = {BatchedFetches.MIN_BYTES, BatchedFetches.MAX_WAIT})
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
