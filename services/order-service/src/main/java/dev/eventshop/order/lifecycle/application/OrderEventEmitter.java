package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventPublisher;
import dev.eventshop.events.EventType;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Publishes an order's integration event and notes it on the order's timeline, in one transaction. */
@Component
class OrderEventEmitter {

    private final EventPublisher events;
    private final OrderTimeline timeline;

    OrderEventEmitter(EventPublisher events, OrderTimeline timeline) {
        this.events = events;
        this.timeline = timeline;
    }

    void emit(OrderId orderId, IntegrationEvent event, Instant occurredAt) {
        UUID eventId = events.publish(event).id();
        EventType type = EventCatalog.of(event);
        timeline.record(orderId, new TimelineEntry(eventId, type.name(), type.source(), occurredAt));
    }
}
