package dev.eventshop.benchmark;

import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.config.OutboxAutoConfiguration;
import dev.eventshop.stack.KafkaBroker;
import dev.eventshop.stack.PostgresServer;
import dev.eventshop.stack.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine can do at best, measured in the same run on the same broker and server: a bare
 * {@code KafkaProducer} with the relay's settings ({@code acks=all}, idempotent, no linger) and a bare JDBC insert
 * transaction. Figures on shared machines drift; their ratios to these floors drift less.
 */
final class Floors {

    static final String TOPIC = "benchmark-floor";
    static final String DATABASE = "benchmark";
    /** About the size of an event with its CloudEvents headers. */
    private static final byte[] VALUE = filled(600);

    /** The floors: records a second and p50/p99 send-to-ack at a fixed rate; insert transactions a second. */
    record Result(double kafkaRecordsPerSecond, double kafkaFixedRate, Latency kafkaAckAtFixedRate,
            double jdbcTransactionsPerSecond, Latency jdbcTransaction) {
    }

    private Floors() {
    }

    static Result measure(KafkaBroker kafka, PostgresServer postgres, Plan plan, double fixedRate) {
        kafka.createTopics(List.of(new TopicSpec(TOPIC, 3, false)));
        postgres.createDatabaseIfMissing(DATABASE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(kafka))) {
            // Metadata and connections first: the first send waits for them.
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", VALUE)).get(30, TimeUnit.SECONDS);
            double rate = kafkaMaxRate(producer, plan.floorDuration());
            Histogram acks = Latency.histogram();
            OpenLoop.run(fixedRate, plan.floorDuration(), intended -> {
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(intended), VALUE), (metadata, failure) -> {
                    Latency.recordNanos(acks, System.nanoTime() - intended);
                });
            });
            producer.flush();
            double jdbcRate;
            Histogram transactions = Latency.histogram();
            jdbcRate = jdbcRate(postgres, plan.floorDuration(), transactions);
            return new Result(rate, fixedRate, Latency.of(acks), jdbcRate, Latency.of(transactions));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("measuring the floors failed: " + e.getMessage(), e);
        }
    }

    /** The relay's producer settings, so that the floor is what the relay could get at best. */
    static Map<String, Object> producerSettings(KafkaBroker kafka) {
        Map<String, Object> base = new HashMap<>();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        base.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-floor");
        MessagingProperties.Relay defaults = MessagingProperties.defaults().relay();
        Map<String, Object> settings = OutboxAutoConfiguration.relayProducerProperties(base, defaults);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    /** As many records as the producer takes, at most 10,000 unacknowledged, for the duration. */
    private static double kafkaMaxRate(KafkaProducer<String, byte[]> producer, Duration duration)
            throws InterruptedException {
        Semaphore window = new Semaphore(10_000);
        AtomicLong acked = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            producer.send(new ProducerRecord<>(TOPIC, Long.toString(sent++), VALUE), (metadata, failure) -> {
                if (failure == null) {
                    acked.incrementAndGet();
                }
                window.release();
            });
        }
        producer.flush();
        return acked.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** One connection, one insert a transaction, as fast as it goes: what one commit costs here. */
    private static double jdbcRate(PostgresServer postgres, Duration duration, Histogram latencies)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), PostgresServer.USERNAME,
                PostgresServer.PASSWORD)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table if not exists floor_insert (id bigserial primary key, payload text not null,"
                        + " created_at timestamptz not null default clock_timestamp())");
            }
            connection.setAutoCommit(false);
            String payload = new String(VALUE, StandardCharsets.US_ASCII);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into floor_insert (payload) values (?)")) {
                long start = System.nanoTime();
                long end = start + duration.toNanos();
                long count = 0;
                for (long now = start; now < end; count++) {
                    insert.setString(1, payload);
                    insert.executeUpdate();
                    connection.commit();
                    long done = System.nanoTime();
                    Latency.recordNanos(latencies, done - now);
                    now = done;
                }
                return count / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
