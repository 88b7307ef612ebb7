package dev.eventshop.analytics.sales.messaging;

import dev.eventshop.analytics.AnalyticsProperties;
import dev.eventshop.analytics.sales.application.EventLog;
import dev.eventshop.analytics.sales.application.EventLogUnavailableException;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.EventRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads every topic of the system from offset 0 with a plain consumer of its own: assigned partitions, no consumer
 * group, no committed offsets, so the live consumer's position is never touched. Each partition is read up to the end
 * captured when the replay begins; a record past it is left to the live consumer, which writes it to the generation
 * being built as well. The topics keep everything for this (retention -1; {@code product-catalog} compacted).
 */
@Component
class KafkaEventLog implements EventLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventLog.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final Duration stallTimeout;

    KafkaEventLog(KafkaProperties kafka, AnalyticsProperties properties) {
        this.kafka = kafka;
        this.stallTimeout = properties.getRebuildStallTimeout();
    }

    @Override
    public Replayed replay(Consumer<List<IntegrationEvent>> batches) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOfEveryTopic(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, stallTimeout);
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            Map<String, Long> eventsByTopic = new TreeMap<>();
            Topics.ALL.forEach(topic -> eventsByTopic.put(topic.name(), 0L));
            long skipped = 0;
            long lastProgress = System.nanoTime();
            while (true) {
                remaining.removeIf(partition -> consumer.position(partition, stallTimeout) >= endOf(ends, partition));
                consumer.pause(partitions.stream().filter(partition -> !remaining.contains(partition)).toList());
                if (remaining.isEmpty()) {
                    return new Replayed(eventsByTopic, skipped);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                List<IntegrationEvent> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= endOf(ends, new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        batch.add(EventRecords.decode(record.headers(), record.value()).payload());
                        eventsByTopic.merge(record.topic(), 1L, Long::sum);
                    } catch (MalformedEventException e) {
                        skipped++;
                        log.warn("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(stallTimeout) > 0) {
                    throw new EventLogUnavailableException("reading the topics made no progress for "
                            + stallTimeout.toSeconds() + " s, with " + remaining.size() + " partitions to go");
                }
            }
        } catch (KafkaException e) {
            throw new EventLogUnavailableException("could not read the topics: " + e.getMessage(), e);
        }
    }

    /** Where a partition ended when the replay began; every partition read has one. */
    private static long endOf(Map<TopicPartition, Long> ends, TopicPartition partition) {
        Long end = ends.get(partition);
        if (end == null) {
            throw new EventLogUnavailableException("no end offset for " + partition);
        }
        return end;
    }

    private List<TopicPartition> partitionsOfEveryTopic(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : Topics.ALL) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), stallTimeout);
            if (infos.isEmpty()) {
                throw new EventLogUnavailableException("topic " + topic.name() + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-service-rebuild");
        return config;
    }
}
