package dev.eventshop.order.order.messaging;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.messaging.outbox.Outbox;
import dev.eventshop.order.order.application.OrderEventOutbox;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The order's events through the messaging library's transactional outbox. */
@Component
class OutboxOrderEvents implements OrderEventOutbox {

    private final Outbox outbox;

    OutboxOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public UUID append(IntegrationEvent event) {
        return outbox.append(event).id();
    }
}
