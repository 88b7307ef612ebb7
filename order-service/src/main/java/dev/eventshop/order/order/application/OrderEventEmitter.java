package dev.eventshop.order.order.application;

import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventType;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Emits an order's integration event through the outbox and notes it on the order's timeline, in one transaction. */
@Component
class OrderEventEmitter {

    private final OrderEventOutbox outbox;
    private final OrderTimeline timeline;

    OrderEventEmitter(OrderEventOutbox outbox, OrderTimeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    void emit(OrderId orderId, IntegrationEvent event, Instant occurredAt) {
        UUID eventId = outbox.append(event);
        EventType type = EventCatalog.of(event);
        timeline.record(orderId, new TimelineEntry(eventId, type.name(), type.source(), occurredAt));
    }
}
