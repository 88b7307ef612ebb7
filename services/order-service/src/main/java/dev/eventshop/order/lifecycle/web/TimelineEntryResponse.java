package dev.eventshop.order.lifecycle.web;

import dev.eventshop.order.lifecycle.application.TimelineEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of an order's saga.
 *
 * @param type the CloudEvents type, for instance {@code dev.eventshop.order.placed.v1}
 * @param source the service that produced it, for instance {@code /inventory-service}
 */
record TimelineEntryResponse(String type, String source, Instant occurredAt, UUID eventId) {

    static TimelineEntryResponse of(TimelineEntry entry) {
        return new TimelineEntryResponse(entry.type(), entry.source(), entry.occurredAt(), entry.eventId());
    }
}
