package dev.eventshop.testsupport;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.testsupport.EventInjector.Published;
import java.time.Duration;
import java.util.Collection;
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
 * What a service's consumer group has committed, as the broker tells it: the way to know that records were consumed,
 * even those that change nothing (duplicates). A listener commits only after it returned, so by then each record had
 * its effect or moved on to a retry topic.
 */
public final class ConsumerGroup implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Admin admin;
    private final String group;

    public ConsumerGroup(String bootstrapServers, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    /** Waits (bounded) until the group has committed past every one of these records. */
    public void awaitConsumed(Collection<Published> records, Duration timeout) {
        Awaitility.await(group + " consumed " + records.size() + " record(s)").atMost(timeout)
                .pollInterval(POLL_INTERVAL).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = committed();
                    return records.stream().allMatch(record -> {
                        OffsetAndMetadata offset = committed.get(
                                new TopicPartition(record.metadata().topic(), record.metadata().partition()));
                        return offset != null && offset.offset() > record.metadata().offset();
                    });
                });
    }

    /** Waits (bounded) until the group has committed every partition of every topic of the system up to its end. */
    public void awaitCaughtUp(Duration timeout) {
        Awaitility.await(group + " caught up").atMost(timeout).pollInterval(POLL_INTERVAL).until(() -> lag() == 0);
    }

    private long lag() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topic topic : Topics.ALL) {
            for (int partition = 0; partition < topic.partitions(); partition++) {
                latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed()
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
