package dev.eventshop.analytics;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Whether a consumer group has processed everything on the system's topics: its committed offsets have reached the
 * ends. The way to know that records which change nothing (duplicates) have been consumed.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String group;

    ConsumerLag(String bootstrapServers, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    /** Waits (bounded) until the group has committed every partition of every topic up to its end. */
    void awaitCaughtUp(Duration timeout) {
        Awaitility.await("consumer group " + group + " caught up").atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> lag() == 0);
    }

    long lag() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topic topic : Topics.ALL) {
            for (int partition = 0; partition < topic.partitions(); partition++) {
                latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
