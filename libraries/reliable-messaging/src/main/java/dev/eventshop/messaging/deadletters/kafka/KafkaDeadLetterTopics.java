package dev.eventshop.messaging.deadletters.kafka;

import dev.eventshop.messaging.deadletters.DeadLetterId;
import dev.eventshop.messaging.deadletters.DeadLetterTopics;
import dev.eventshop.messaging.deadletters.StoredRecord;
import dev.eventshop.messaging.errors.RetryTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The service's dead-letter topics on Kafka. Each read is a short-lived consumer that assigns itself the partitions and
 * seeks: no consumer group, no committed offsets, nothing another reader or the service's consumers could notice. It
 * assigns them before it asks for their offsets: a {@code read_committed} consumer asked for the end of partitions it
 * has not assigned logs a warning for each (every upkeep round, in every service).
 * A redrive goes to the service's first retry topic of the source topic, {@code <topic>.<service>.retry-0}: only the
 * service's own consumer group reads it (never the source topic, which every other consuming service reads too), and
 * without a backoff header its listener processes the record at once.
 */
public class KafkaDeadLetterTopics implements DeadLetterTopics, AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String service;
    private final Collection<String> sourceTopics;

    /**
     * @param sourceTopics the topics the service may consume; their dead-letter topics are read where they exist
     */
    public KafkaDeadLetterTopics(Map<String, Object> consumerProperties, Map<String, Object> producerProperties,
            String service, Collection<String> sourceTopics) {
        Map<String, Object> consumer = new HashMap<>(consumerProperties);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig = Map.copyOf(consumer);
        Map<String, Object> producer = new HashMap<>(producerProperties);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
        this.service = service;
        this.sourceTopics = List.copyOf(sourceTopics);
    }

    @Override
    public Scan scan(int maxPerPartition) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return new Scan(List.of(), false);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean truncated = false;
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long first = Math.max(at(start, partition), at(end, partition) - maxPerPartition);
                truncated |= first > at(start, partition);
                if (first < at(end, partition)) {
                    from.put(partition, first);
                }
            }
            List<TopicPartition> toRead = List.copyOf(from.keySet());
            consumer.assign(toRead);
            from.forEach(consumer::seek);
            List<StoredRecord> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (toRead.stream().anyMatch(partition -> consumer.position(partition) < at(end, partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading the dead-letter topics took over " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < at(end, new TopicPartition(record.topic(), record.partition()))) {
                        records.add(stored(record));
                    }
                }
            }
            return new Scan(records, truncated);
        }
    }

    @Override
    public Optional<StoredRecord> read(DeadLetterId id) {
        if (!sourceTopics.contains(sourceTopic(id.deadLetterTopic()))) {
            return Optional.empty();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.deadLetterTopic(), id.partition());
            if (!partitions(consumer).contains(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long start = at(consumer.beginningOffsets(List.of(partition)), partition);
            long end = at(consumer.endOffsets(List.of(partition)), partition);
            if (id.offset() < start || id.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, id.offset());
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (consumer.position(partition) <= id.offset()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading dead letter " + id + " took over " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(stored(record));
                    }
                }
            }
            // a transaction marker or a compacted gap: no record at that offset
            return Optional.empty();
        }
    }

    @Override
    public String redrive(String sourceTopic, StoredRecord record, List<StoredRecord.Header> headers) {
        List<Header> kafkaHeaders = new ArrayList<>();
        headers.forEach(header -> kafkaHeaders.add(new RecordHeader(header.name(), header.value())));
        // No timestamp: the record is written now, and its retry listener takes it from there.
        ProducerRecord<byte[], byte[]> redriven = new ProducerRecord<>(firstRetryTopic(sourceTopic), null, null,
                record.key(), record.value(), kafkaHeaders);
        try {
            RecordMetadata written = producer.send(redriven).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return written.topic() + "-" + written.partition() + "-" + written.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redriving " + record.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + redriven.topic() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    @Override
    public List<Span> spans() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().map(partition -> new Span(partition.topic(), partition.partition(),
                    at(start, partition), at(end, partition))).toList();
        }
    }

    @Override
    public String sourceTopic(String deadLetterTopic) {
        String suffix = RetryTopics.dltSuffix(service);
        return deadLetterTopic.endsWith(suffix)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length())
                : deadLetterTopic;
    }

    /** The retry topic Spring Kafka names with index values: {@code <topic>.<service>.retry-0}. */
    String firstRetryTopic(String sourceTopic) {
        return sourceTopic + RetryTopics.retrySuffix(service) + "-0";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig);
    }

    /** Every partition of the service's dead-letter topics that exist; a topic never consumed has none. */
    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(READ_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String source : sourceTopics) {
            String deadLetterTopic = RetryTopics.deadLetterTopic(source, service);
            List<PartitionInfo> infos = existing.get(deadLetterTopic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }

    private static long at(Map<TopicPartition, Long> offsets, TopicPartition partition) {
        Long offset = offsets.get(partition);
        if (offset == null) {
            throw new IllegalStateException("the broker named no offset of " + partition);
        }
        return offset;
    }

    private static StoredRecord stored(ConsumerRecord<byte[], byte[]> record) {
        List<StoredRecord.Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new StoredRecord.Header(header.key(), header.value())));
        return new StoredRecord(new DeadLetterId(record.topic(), record.partition(), record.offset()), record.key(),
                record.value(), Instant.ofEpochMilli(record.timestamp()), headers);
    }
}
