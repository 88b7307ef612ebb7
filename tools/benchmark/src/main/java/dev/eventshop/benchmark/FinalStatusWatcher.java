package dev.eventshop.benchmark;

import dev.eventshop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sees each order reach its final status: reads {@code order-events} (no consumer group, from the end) and reports
 * every {@code OrderConfirmed} and {@code OrderCancelled} the moment it is read. That is a little after the order's row
 * changed (the outbox relay publishes after the commit), which is when any other service can know it too.
 */
final class FinalStatusWatcher implements AutoCloseable {

    private static final String CONFIRMED = "dev.eventshop.order.confirmed.v1";
    private static final String CANCELLED = "dev.eventshop.order.cancelled.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final OrderTracker tracker;
    private final Thread thread;
    private volatile boolean running = true;

    FinalStatusWatcher(String bootstrapServers, OrderTracker tracker) {
        this.tracker = tracker;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-final-status",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        String topic = Topics.ORDER_EVENTS.name();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((PartitionInfo info) -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end now, so that nothing sent from here on is skipped.
        partitions.forEach(consumer::position);
        this.thread = Thread.ofPlatform().name("benchmark-final-status").daemon().start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long seen = System.nanoTime();
                    String type = header(record, "ce_type");
                    if (CONFIRMED.equals(type)) {
                        tracker.finished(record.key(), "CONFIRMED", seen);
                    } else if (CANCELLED.equals(type)) {
                        JsonNode value = JSON.readTree(record.value());
                        tracker.finished(record.key(), value.path("reason").asString("CANCELLED"), seen);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
