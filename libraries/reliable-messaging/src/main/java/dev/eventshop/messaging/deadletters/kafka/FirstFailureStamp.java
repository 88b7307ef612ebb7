package dev.eventshop.messaging.deadletters.kafka;

import dev.eventshop.messaging.deadletters.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Stamps a failed record with the time of its first failure as it is forwarded to its first retry topic (or straight
 * to the dead-letter topic). Spring Kafka copies a record's headers from hop to hop, so the stamp survives every retry
 * and reaches the dead-letter topic, where it tells an operator since when the record has been failing.
 */
public class FirstFailureStamp implements ProducerInterceptor<String, Object> {

    private final Clock clock;

    public FirstFailureStamp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProducerRecord<String, Object> onSend(ProducerRecord<String, Object> record) {
        if (record.headers().lastHeader(DeadLetter.Headers.FIRST_FAILED_AT) == null) {
            record.headers().add(DeadLetter.Headers.FIRST_FAILED_AT,
                    clock.instant().toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
