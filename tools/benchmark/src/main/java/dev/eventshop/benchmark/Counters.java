package dev.eventshop.benchmark;

import dev.eventshop.stack.PostgresServer;
import dev.eventshop.stack.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The system's work in countable units: records appended to Kafka (the sum of every partition's end offset) and
 * transactions committed by PostgreSQL in the services' databases ({@code pg_stat_database.xact_commit}), and the
 * consumers' lag behind the topics they read.
 */
final class Counters implements AutoCloseable {

    /** Kafka's record of consumer offsets: commits, counted apart from the system's own records. */
    static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final Admin admin;
    private final PostgresServer postgres;

    Counters(String bootstrapServers, PostgresServer postgres) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "benchmark-counters");
        this.admin = Admin.create(properties);
        this.postgres = postgres;
    }

    /** A reading of every counter at one moment. */
    record Reading(long systemRecords, long offsetCommits, long transactions) {

        Reading minus(Reading earlier) {
            return new Reading(systemRecords - earlier.systemRecords, offsetCommits - earlier.offsetCommits,
                    transactions - earlier.transactions);
        }
    }

    Reading read() {
        Map<TopicPartition, Long> ends = endOffsets(topicPartitions(true));
        long offsets = ends.entrySet().stream()
                .filter(end -> end.getKey().topic().equals(OFFSETS_TOPIC))
                .mapToLong(Map.Entry::getValue).sum();
        long all = ends.values().stream().mapToLong(Long::longValue).sum();
        return new Reading(all - offsets, offsets, transactions());
    }

    /** How many records every consumer group together has still to read; -1 when a group did not answer. */
    long consumerLag() {
        return total(consumerLagByGroup());
    }

    /** The lag of every group together, from {@link #consumerLagByGroup}; -1 when it is empty. */
    static long total(Map<String, Long> lagByGroup) {
        return lagByGroup.isEmpty() ? -1 : lagByGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * How many records each consumer group has still to read, by group; empty when a group did not answer (a group
     * being rebalanced answers nothing for a moment; the next sample will).
     */
    Map<String, Long> consumerLagByGroup() {
        try {
            Map<String, Long> lags = new TreeMap<>();
            for (ConsumerGroupListing group : get(admin.listConsumerGroups().all())) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
                Map<TopicPartition, Long> ends = endOffsets(List.copyOf(committed.keySet()));
                long lag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, ends.getOrDefault(entry.getKey(), 0L) - entry.getValue().offset());
                    }
                }
                lags.put(group.groupId(), lag);
            }
            return lags;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private List<TopicPartition> topicPartitions(boolean withInternal) {
        var names = get(admin.listTopics(new ListTopicsOptions().listInternal(withInternal)).names());
        return get(admin.describeTopics(names).allTopicNames()).values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        var offsets = get(admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Committed transactions in the services' databases; the benchmark's own queries run in {@code postgres}. */
    long transactions() {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                PostgresServer.USERNAME, PostgresServer.PASSWORD);
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(sum(xact_commit), 0) from pg_stat_database where datname = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", Services.DATABASES.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_database: " + e.getMessage(), e);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
