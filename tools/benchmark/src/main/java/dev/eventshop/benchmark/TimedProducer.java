package dev.eventshop.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * The relay's producer, unchanged but for one thing: it notes when the broker acknowledges each record, by the
 * record's event id ({@code ce_id}). The callback runs on the producer's I/O thread as the acknowledgement arrives,
 * before the relay's own wait on the send returns, so the time is the broker's answer, not the relay's bookkeeping.
 */
final class TimedProducer extends KafkaProducer<String, byte[]> {

    private final ObjLongConsumer<String> acknowledged;

    /** @param acknowledged gets the event id and {@link System#nanoTime()} of each successful acknowledgement */
    TimedProducer(Map<String, Object> settings, ObjLongConsumer<String> acknowledged) {
        super(settings);
        this.acknowledged = acknowledged;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, @Nullable Callback callback) {
        Header id = record.headers().lastHeader("ce_id");
        String eventId = id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
        return super.send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.accept(eventId, System.nanoTime());
            }
            if (callback != null) {
                callback.onCompletion(metadata, failure);
            }
        });
    }
}
