package dev.eventshop.messaging.errors;

import dev.eventshop.messaging.inbox.IncomingEvent;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a failed record's value to a retry or dead-letter topic exactly as it arrived: the original bytes of an event
 * that decoded, the raw bytes of one that did not, and null for a record that had no value.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case IncomingEvent<?> event -> event.json();
            default -> throw new IllegalArgumentException(
                    "cannot forward a value of type " + value.getClass().getName() + " to " + topic);
        };
    }
}
