package dev.eventshop.messaging.drills;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * A drill, never on unless a test switches it on: every event record a producer sends is sent a second time, as a
 * redelivery would bring it, to show that consumers apply each event once. Tests add it to the producers of a service
 * with {@code spring.kafka.producer.properties.interceptor.classes}; production code knows nothing of it.
 *
 * <p>The copy goes through a producer of its own, so it may arrive before or after the original, as a redelivered
 * record may. Only records with a text key and a byte value (the outbox relay's) are copied.
 */
public class DuplicateDeliveries implements ProducerInterceptor<Object, Object> {

    private @Nullable KafkaProducer<byte[], byte[]> copies;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(ProducerConfig.CLIENT_ID_CONFIG) + "-duplicates");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        copies = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (copies != null && record.key() instanceof String key && record.value() instanceof byte[] value) {
            copies.send(new ProducerRecord<>(record.topic(), record.partition(), key.getBytes(StandardCharsets.UTF_8),
                    value, new RecordHeaders(record.headers().toArray())));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
        if (copies != null) {
            copies.close();
        }
    }
}
