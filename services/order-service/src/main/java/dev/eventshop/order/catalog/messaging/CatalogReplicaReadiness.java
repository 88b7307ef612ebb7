package dev.eventshop.order.catalog.messaging;

import dev.eventshop.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The service is ready only once its catalog replica has caught up: until then an order for a product the catalog has
 * would be refused as unknown. Out of service until the listener's consumer group has committed, on every partition
 * of {@code product-catalog}, the offset where the partition ended when first asked, at start-up; up from then on, as
 * later changes are ordinary replication lag. Committed offsets, not this process's consumer, because with several
 * replicas another one may consume some partitions into the shared table; and a record's offset is committed only
 * after its transaction stored it. While the topic is still empty, as on a fresh system whose inventory-service starts
 * later, there is nothing to catch up with yet: up, and the ends are taken again at the next probe, so that the first
 * products to arrive are waited for.
 */
@Component("catalogReplica")
class CatalogReplicaReadiness implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogReplicaReadiness.class);
    /** A probe answers within its own timeout, Kafka or not. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String topic;
    private final Supplier<String> groupId;
    private volatile @Nullable Map<TopicPartition, Long> startUpEnds;
    private volatile boolean caughtUp;

    @Autowired
    CatalogReplicaReadiness(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners) {
        this(Admin.create(kafkaAdmin.getConfigurationProperties()), Topics.Names.PRODUCT_CATALOG,
                () -> Objects.requireNonNull(Objects.requireNonNull(
                        listeners.getListenerContainer(CatalogReplicaListener.ID), "the catalog replica's listener")
                        .getGroupId(), "the catalog replica's consumer group"));
    }

    /** Watches {@code topic} for the consumer group {@code groupId} names; closes {@code admin} when destroyed. */
    CatalogReplicaReadiness(Admin admin, String topic, Supplier<String> groupId) {
        this.admin = admin;
        this.topic = topic;
        this.groupId = groupId;
    }

    @Override
    public Health health() {
        if (caughtUp) {
            return Health.up().build();
        }
        try {
            Map<TopicPartition, Long> ends = startUpEnds();
            if (ends.isEmpty()) {
                return Health.up().withDetail("catalog", "empty so far").build();
            }
            Map<TopicPartition, Long> behind = partitionsBehind(ends);
            if (behind.isEmpty()) {
                caughtUp = true;
                log.info("The catalog replica has caught up with {}", topic);
                return Health.up().build();
            }
            return Health.outOfService().withDetail("recordsBehind", behind).build();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return Health.outOfService().withException(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.outOfService().withException(e).build();
        }
    }

    /** The partitions whose start-up end the group has not committed yet, with how far it still has to go. */
    private Map<TopicPartition, Long> partitionsBehind(Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(groupId.get()).partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return ends.entrySet().stream()
                .filter(end -> committedOffset(committed.get(end.getKey())) < end.getValue())
                .collect(Collectors.toMap(Map.Entry::getKey,
                        end -> end.getValue() - committedOffset(committed.get(end.getKey()))));
    }

    /**
     * Where each partition ended when first asked with records on the topic; empty while it has none. A partition
     * whose records have all gone (its start is its end) has nothing to catch up with, and its consumer commits
     * nothing, so it is left out.
     */
    private Map<TopicPartition, Long> startUpEnds() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> ends = startUpEnds;
        if (ends == null) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(topic))
                    .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = Objects.requireNonNull(topics.get(topic), "the catalog topic")
                    .partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
            ends = partitions.stream()
                    .filter(partition -> latest.getOrDefault(partition, 0L) > earliest.getOrDefault(partition, 0L))
                    .collect(Collectors.toUnmodifiableMap(partition -> partition,
                            partition -> latest.getOrDefault(partition, 0L)));
            if (!ends.isEmpty()) {
                startUpEnds = ends;
            }
        }
        return ends;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                        partition -> spec)))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, offset -> offset.getValue().offset()));
    }

    private static long committedOffset(@Nullable OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    @Override
    public void destroy() {
        admin.close(TIMEOUT);
    }
}
