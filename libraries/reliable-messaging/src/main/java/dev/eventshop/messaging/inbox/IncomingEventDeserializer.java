package dev.eventshop.messaging.inbox;

import dev.eventshop.messaging.EventRecords;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes CloudEvents records into {@link IncomingEvent}s. It throws for anything it cannot decode; wrapped in Spring
 * Kafka's {@code ErrorHandlingDeserializer}, that sends the record with its original bytes to the dead-letter topic.
 */
public class IncomingEventDeserializer implements Deserializer<IncomingEvent<?>> {

    @Override
    public IncomingEvent<?> deserialize(String topic, byte @Nullable [] data) {
        throw new UnsupportedOperationException("CloudEvents in binary mode need the record's headers");
    }

    @Override
    public IncomingEvent<?> deserialize(String topic, Headers headers, byte @Nullable [] data) {
        return EventRecords.decode(headers, data);
    }
}
