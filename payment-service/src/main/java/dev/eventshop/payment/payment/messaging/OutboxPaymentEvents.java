package dev.eventshop.payment.payment.messaging;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.messaging.outbox.Outbox;
import dev.eventshop.payment.payment.application.PaymentEventOutbox;
import org.springframework.stereotype.Component;

/** Payment outcomes through the messaging library's transactional outbox. */
@Component
class OutboxPaymentEvents implements PaymentEventOutbox {

    private final Outbox outbox;

    OutboxPaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void append(IntegrationEvent event) {
        outbox.append(event);
    }
}
