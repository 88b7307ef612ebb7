package dev.eventshop.messaging.inbox;

import dev.eventshop.messaging.MessagingSpans;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The consumer span of each record a listener processes, after OpenTelemetry's messaging conventions: named
 * {@code process <topic>}, a child of the producer span in the record's {@code traceparent}, with the consumer group,
 * partition, offset, message id and type ({@code ce_id}, {@code ce_type}) and key ({@code orderId=...}). Low-cardinality values only go into
 * the listener timer's tags; partition, offset, ids and keys are span attributes alone.
 */
public class EventProcessingObservationConvention implements KafkaListenerObservationConvention {

    @Override
    public String getContextualName(KafkaRecordReceiverContext context) {
        return MessagingSpans.PROCESS + " " + context.getSource();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
        return KeyValues.of(
                KeyValue.of(MessagingSpans.MESSAGING_SYSTEM, MessagingSpans.SYSTEM),
                KeyValue.of(MessagingSpans.OPERATION_TYPE, MessagingSpans.PROCESS),
                KeyValue.of(MessagingSpans.OPERATION_NAME, MessagingSpans.PROCESS),
                KeyValue.of(MessagingSpans.DESTINATION, context.getSource()),
                KeyValue.of(MessagingSpans.CONSUMER_GROUP, String.valueOf(context.getGroupId())),
                KeyValue.of("spring.kafka.listener.id", context.getListenerId()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(KafkaRecordReceiverContext context) {
        ConsumerRecord<?, ?> record = context.getRecord();
        List<KeyValue> values = new ArrayList<>();
        values.add(KeyValue.of(MessagingSpans.PARTITION, Integer.toString(record.partition())));
        values.add(KeyValue.of(MessagingSpans.OFFSET, Long.toString(record.offset())));
        header(record, "ce_id").ifPresent(id -> values.add(KeyValue.of(MessagingSpans.MESSAGE_ID, id)));
        header(record, "ce_type").ifPresent(type -> values.add(KeyValue.of(MessagingSpans.EVENT_TYPE, type)));
        if (record.key() != null) {
            String key = record.key().toString();
            values.add(KeyValue.of(MessagingSpans.KEY, key));
            MessagingSpans.keyField(record.topic()).ifPresent(field -> values.add(KeyValue.of(field, key)));
        }
        return KeyValues.of(values);
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
