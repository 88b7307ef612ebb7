package dev.eventshop.payment.payment.messaging;

import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.payment.payment.application.ChargeOrder;
import dev.eventshop.payment.payment.application.PaymentProcessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Charges the customer when the inventory has reserved an order's stock. A redelivered event is dropped by the
 * library's idempotent consumer; a second reservation of the same order, under another event id, finds the order's
 * payment and charges nothing. A failure rolls everything back and the record goes to the retry topics.
 */
@Component
class StockReservedListener {

    /** {@code Topics.INVENTORY_EVENTS}, as a constant for the annotation. */
    static final String INVENTORY_EVENTS = "inventory-events";

    private static final Logger log = LoggerFactory.getLogger(StockReservedListener.class);

    private final IdempotentConsumer consumer;
    private final PaymentProcessing payments;

    StockReservedListener(IdempotentConsumer consumer, PaymentProcessing payments) {
        this.consumer = consumer;
        this.payments = payments;
    }

    @KafkaListener(topics = INVENTORY_EVENTS)
    void on(IncomingEvent<?> event) {
        if (!(event.payload() instanceof StockReserved reserved)) {
            log.debug("Ignored {}: only a reservation asks for a payment", event);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("orderId", reserved.orderId().toString())) {
            if (reserved.total().amount().signum() < 0) {
                // Retrying cannot make it valid: straight to the dead-letter topic.
                throw new MalformedEventException("StockReserved " + event.id() + " has a negative total "
                        + reserved.total());
            }
            boolean handled = consumer.handleOnce(event, () -> payments.charge(
                    new ChargeOrder(reserved.orderId(), reserved.customerId(), reserved.total())));
            if (!handled) {
                log.info("Dropped {}: already processed", event);
            }
        }
    }
}
