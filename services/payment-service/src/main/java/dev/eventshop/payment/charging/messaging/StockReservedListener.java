package dev.eventshop.payment.charging.messaging;

import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.Topics;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.payment.charging.application.ChargeOrder;
import dev.eventshop.payment.charging.application.PaymentProcessing;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Charges the customer when the inventory has reserved an order's stock. A redelivered event is dropped by the inbox;
 * a second reservation of the same order, under another event id, finds the order's payment and charges nothing. A
 * failure rolls everything back and the record goes to the retry topics.
 */
@Component
class StockReservedListener {

    private final EventHandlers handlers;

    StockReservedListener(Inbox inbox, PaymentProcessing payments) {
        handlers = inbox.handlers()
                .on(StockReserved.class, (reserved, event) -> {
                    if (reserved.total().amount().signum() < 0) {
                        // Retrying cannot make it valid: straight to the dead-letter topic.
                        throw new MalformedEventException("StockReserved " + event.id() + " has a negative total "
                                + reserved.total());
                    }
                    payments.charge(new ChargeOrder(reserved.orderId(), reserved.customerId(), reserved.total()));
                })
                .build();
    }

    @KafkaListener(topics = Topics.Names.INVENTORY_EVENTS)
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
