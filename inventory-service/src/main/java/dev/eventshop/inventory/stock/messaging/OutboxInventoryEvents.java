package dev.eventshop.inventory.stock.messaging;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.inventory.stock.application.InventoryEventOutbox;
import dev.eventshop.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/** The inventory's events through the messaging library's transactional outbox. */
@Component
class OutboxInventoryEvents implements InventoryEventOutbox {

    private final Outbox outbox;

    OutboxInventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void append(IntegrationEvent event) {
        outbox.append(event);
    }
}
