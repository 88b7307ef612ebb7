package dev.eventshop.messaging.inbox;

import dev.eventshop.events.EventType;
import dev.eventshop.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A decoded record: the CloudEvents attributes from its headers and the event from its value. {@code json} keeps the
 * value's original bytes so a failed record is retried and dead-lettered exactly as it arrived.
 */
public record IncomingEvent<T extends IntegrationEvent>(UUID id, EventType type, String source, String subject,
        Instant time, T payload, byte[] json) {

    @Override
    public String toString() {
        return type.name() + " " + id + " subject=" + subject;
    }
}
