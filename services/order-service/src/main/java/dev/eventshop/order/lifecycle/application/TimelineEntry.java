package dev.eventshop.order.lifecycle.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of an order's saga that this service emitted or received.
 *
 * @param type the event's wire type name ({@code ce_type}), never a class name
 * @param source the service that produced it ({@code ce_source})
 */
public record TimelineEntry(UUID eventId, String type, String source, Instant occurredAt) {

    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
