package dev.eventshop.messaging;

import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventJson;
import dev.eventshop.events.EventType;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.MalformedEventException;
import dev.eventshop.messaging.inbox.IncomingEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka form of an event: CloudEvents 1.0 in binary mode (attributes in {@code ce_*} headers, the event's JSON as
 * the value), keyed by the aggregate id, with the W3C {@code traceparent} of the work that caused it.
 */
public final class EventRecords {

    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    private EventRecords() {
    }

    /** A record ready to send: topic, key, headers and value all follow from the event and its catalog entry. */
    public static ProducerRecord<String, byte[]> toProducerRecord(IntegrationEvent event, UUID eventId, Instant time,
            @Nullable String traceparent) {
        EventType type = EventCatalog.of(event);
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withType(type.name())
                .withSource(URI.create(type.source()))
                .withSubject(event.aggregateId())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(EventJson.write(event))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(type.topic().name(), event.aggregateId())
                .writeBinary(cloudEvent);
        if (traceparent != null) {
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * Decodes a consumed record.
     *
     * @throws MalformedEventException when the record is not a CloudEvent of a known type whose value has that type's
     *     shape; such a record can never succeed and goes straight to the dead-letter topic
     */
    public static IncomingEvent<?> decode(Headers headers, byte @Nullable [] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value (a tombstone or a null) where an event was expected");
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new MalformedEventException("record is not a CloudEvent in binary mode: " + e.getMessage(), e);
        }
        EventType type = EventCatalog.byName(cloudEvent.getType())
                .orElseThrow(() -> new MalformedEventException("unknown ce_type '" + cloudEvent.getType() + "'"));
        UUID id;
        try {
            id = UUID.fromString(cloudEvent.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID: " + cloudEvent.getId(), e);
        }
        IntegrationEvent payload = EventJson.read(value, type.javaType());
        Instant time = cloudEvent.getTime() == null ? Instant.EPOCH : cloudEvent.getTime().toInstant();
        String subject = cloudEvent.getSubject() == null ? payload.aggregateId() : cloudEvent.getSubject();
        return new IncomingEvent<>(id, type, cloudEvent.getSource().toString(), subject, time, payload, value);
    }
}
