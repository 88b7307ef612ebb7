package dev.eventshop.messaging.errors;

import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.deadletters.kafka.FirstFailureStamp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.DltStrategy;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.support.ProducerListener;

/**
 * Non-blocking retries for every listener of a service: a failed record moves to
 * {@code <topic>.<service>.retry-<n>} with exponential backoff, and after the last attempt to
 * {@code <topic>.<service>.dlt}. The service name in the topic names keeps two services that consume one topic out of
 * each other's retries. Records that can never succeed (not a CloudEvent, unknown type, wrong shape, no value) skip
 * the retries and go straight to the dead-letter topic with their original bytes and the reason in
 * {@code kafka_exception-*} headers, the source in {@code kafka_original-*} (Spring Kafka's {@code KafkaHeaders}).
 */
public final class RetryTopics {

    /** Records this service sent to a dead-letter topic, by source topic. */
    public static final String DEAD_LETTERS = "eventshop.messaging.dead.letters";
    /** Records this service sent to a retry topic, by source topic. */
    public static final String RETRIES = "eventshop.messaging.retries";

    private RetryTopics() {
    }

    public static String retrySuffix(String service) {
        return "." + service + ".retry";
    }

    public static String dltSuffix(String service) {
        return "." + service + ".dlt";
    }

    /** The dead-letter topic of one service for one source topic. */
    public static String deadLetterTopic(String topic, String service) {
        return topic + dltSuffix(service);
    }

    public static RetryTopicConfiguration configuration(String service, MessagingProperties properties,
            KafkaTemplate<String, Object> template, int partitions) {
        MessagingProperties.Retry retry = properties.retry();
        return RetryTopicConfigurationBuilder.newInstance()
                .exponentialBackoff(retry.initialInterval().toMillis(), retry.multiplier(),
                        retry.maxInterval().toMillis())
                .maxAttempts(retry.maxAttempts())
                .retryTopicSuffix(retrySuffix(service))
                .dltSuffix(dltSuffix(service))
                .suffixTopicsWithIndexValues()
                .notRetryOn(List.of(MalformedEventException.class))
                .traversingCauses()
                // A record whose dead-lettering fails is retried, never dropped.
                .dltProcessingFailureStrategy(DltStrategy.FAIL_ON_ERROR)
                // The dead-letter topic is for inspection and redrive; the service does not consume it itself.
                .autoStartDltHandler(false)
                // One consumer per retry topic, however many threads the main listener runs: retries are rare and
                // every idle consumer costs the broker.
                .concurrency(1)
                .autoCreateTopicsWith(partitions, properties.topics().replicationFactor())
                .create(template);
    }

    /** The template that forwards failed records: original bytes, and a count of what went where. */
    public static KafkaTemplate<String, Object> template(Map<String, Object> producerProperties, String service,
            MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new DeadLetterValueSerializer());
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
        // Every forward copies the record's headers, so the first one's stamp reaches the dead-letter topic.
        template.setProducerInterceptor(new FirstFailureStamp(Clock.systemUTC()));
        // Every series exists from the start at zero, so a dashboard shows 0 and an alert on an increase can fire on
        // the first dead letter.
        for (Topic topic : Topics.ALL) {
            meters.counter(DEAD_LETTERS, "topic", topic.name());
            meters.counter(RETRIES, "topic", topic.name());
        }
        template.setProducerListener(new ProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<String, Object> record, @Nullable RecordMetadata metadata) {
                String topic = record.topic();
                if (topic.endsWith(dltSuffix(service))) {
                    meters.counter(DEAD_LETTERS, "topic", source(topic)).increment();
                } else if (topic.contains(retrySuffix(service))) {
                    meters.counter(RETRIES, "topic", source(topic)).increment();
                }
            }

            private String source(String topic) {
                return topic.substring(0, topic.indexOf("." + service + "."));
            }
        });
        return template;
    }
}
