package dev.eventshop.messaging;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names and attributes of the spans around Kafka records, after OpenTelemetry's semantic conventions for messaging:
 * a span is named {@code <operation> <destination>} ({@code send order-events}, {@code process order-events}) and
 * carries the system, destination, operation, message id (the event's {@code ce_id}) and key, plus the key under the
 * name of what it holds ({@code orderId=...}, {@code sku=...}), so a trace UI finds every span of one order by it.
 */
public final class MessagingSpans {

    public static final String SYSTEM = "kafka";
    public static final String SEND = "send";
    public static final String PROCESS = "process";

    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String DESTINATION = "messaging.destination.name";
    public static final String OPERATION_TYPE = "messaging.operation.type";
    public static final String OPERATION_NAME = "messaging.operation.name";
    public static final String MESSAGE_ID = "messaging.message.id";
    public static final String KEY = "messaging.kafka.message.key";
    public static final String PARTITION = "messaging.destination.partition.id";
    public static final String OFFSET = "messaging.kafka.offset";
    public static final String CONSUMER_GROUP = "messaging.consumer.group.name";
    /** OpenTelemetry's CloudEvents attribute: which event it is, so a trace reads as the saga's steps. */
    public static final String EVENT_TYPE = "cloudevents.event_type";

    private MessagingSpans() {
    }

    /** The attributes of a producer span, known before the broker answers. */
    public static Map<String, String> sendAttributes(String topic, String key, String eventId, String eventType) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(MESSAGING_SYSTEM, SYSTEM);
        attributes.put(OPERATION_TYPE, SEND);
        attributes.put(OPERATION_NAME, SEND);
        attributes.put(DESTINATION, topic);
        attributes.put(MESSAGE_ID, eventId);
        attributes.put(EVENT_TYPE, eventType);
        attributes.put(KEY, key);
        keyField(topic).ifPresent(field -> attributes.put(field, key));
        return attributes;
    }

    /**
     * What a topic's key holds, as a field name ({@code orderId}); also for the service's retry topics
     * ({@code order-events.inventory-service.retry-0}), which carry the same records.
     */
    public static Optional<String> keyField(String topic) {
        int dot = topic.indexOf('.');
        return Topics.named(dot < 0 ? topic : topic.substring(0, dot)).map(Topic::keyField);
    }
}
