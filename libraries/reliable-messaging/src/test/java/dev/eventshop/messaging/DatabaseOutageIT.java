package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.errors.InPlaceRetries;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.Infrastructure;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The database goes away while events are consumed, and comes back: a failure of the infrastructure is retried in
 * place, a failure of the record still goes through the retry topics to the dead-letter topic.
 */
@MessagingTestContext
class DatabaseOutageIT {

    private static final String TOPIC = Topics.ORDER_EVENTS.name();
    private static final String SERVICE = "messaging-it";
    private static final String[] RETRY_AND_DEAD_LETTER_TOPICS = {TOPIC + ".messaging-it.retry-0",
        TOPIC + ".messaging-it.retry-1", RetryTopics.deadLetterTopic(TOPIC, SERVICE)};
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int KEYS = 5;
    private static final int EVENTS_PER_KEY = 8;

    @Autowired
    ProbeListener listener;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${eventshop.messaging.retry.max-attempts}")
    int maxAttempts;

    EventInjector events;

    @BeforeEach
    void openProducer() {
        events = new EventInjector(bootstrapServers, EventRecords::toProducerRecord);
    }

    @AfterEach
    void closeProducer() {
        events.close();
    }

    @Test
    void events_consumed_while_the_database_is_down_are_retried_in_place_and_processed_once_in_order_when_it_is_back()
            throws Exception {
        List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> OrderId.newId().toString()).toList();
        Map<String, List<UUID>> sentPerKey = new LinkedHashMap<>();
        double inPlaceBefore = inPlaceRetries();

        try (DatabaseOutage outage = DatabaseOutage.of(jdbc.queryForObject("SELECT current_database()",
                String.class))) {
            for (int sequence = 1; sequence <= EVENTS_PER_KEY; sequence++) {
                for (String key : keys) {
                    UUID id = UUID.randomUUID();
                    events.publish(Samples.orderPlaced(OrderId.parse(key), sequence), id);
                    sentPerKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
            }
            // Down until one event has been delivered more often than the retry topics would have: through them,
            // it would be on the dead-letter topic by now.
            List<UUID> sent = sentPerKey.values().stream().flatMap(List::stream).toList();
            await().atMost(WAIT).until(() -> listener.mostDeliveriesOfOneOf(sent) > maxAttempts + 1);
        }

        // The pool may take a moment to connect again.
        await().atMost(WAIT).ignoreException(CannotGetJdbcConnectionException.class)
                .until(() -> keys.stream().mapToInt(listener::effects).sum() == KEYS * EVENTS_PER_KEY);
        assertThat(effectsInProcessingOrder(keys)).as("every event once, each key's in the order sent")
                .isEqualTo(sentPerKey);
        assertThat(inPlaceRetries() - inPlaceBefore).as("in-place retries counted").isGreaterThan(0);
        try (TopicProbe retries = new TopicProbe(bootstrapServers, RETRY_AND_DEAD_LETTER_TOPICS)) {
            assertThat(retries.drain(Duration.ofSeconds(2))).as("nothing forwarded to a retry or dead-letter topic")
                    .noneMatch(record -> keys.contains(record.key()));
        }
    }

    @Test
    void a_record_that_keeps_failing_by_itself_goes_through_the_retry_topics_to_the_dead_letter_topic()
            throws Exception {
        String key = OrderId.newId().toString();
        listener.failNext(key, Integer.MAX_VALUE);
        double inPlaceBefore = inPlaceRetries();

        events.publish(Samples.orderPlaced(OrderId.parse(key), 1));

        try (TopicProbe forwarded = new TopicProbe(bootstrapServers, RETRY_AND_DEAD_LETTER_TOPICS)) {
            List<ConsumerRecord<String, byte[]>> records = forwarded.awaitAtLeast(3,
                    TopicProbe.withKey(key), WAIT);
            assertThat(records).extracting(ConsumerRecord::topic)
                    .containsExactlyInAnyOrder(RETRY_AND_DEAD_LETTER_TOPICS);
            assertThat(records).allSatisfy(record -> assertThat(header(record, KafkaHeaders.EXCEPTION_MESSAGE))
                    .contains("failing on purpose"));
        }
        assertThat(listener.deliveries(key)).as("one delivery per topic, none repeated in place")
                .isEqualTo(maxAttempts);
        assertThat(listener.effects(key)).isZero();
        assertThat(inPlaceRetries()).isEqualTo(inPlaceBefore);
    }

    private double inPlaceRetries() {
        return meters.counter(InPlaceRetries.METRIC, "topic", TOPIC).count();
    }

    private Map<String, List<UUID>> effectsInProcessingOrder(List<String> keys) {
        Map<String, List<UUID>> processed = new LinkedHashMap<>();
        keys.forEach(key -> processed.put(key, new ArrayList<>()));
        Set<String> wanted = new HashSet<>(keys);
        jdbc.query("SELECT subject, event_id FROM probe_effect ORDER BY id", row -> {
            String subject = row.getString("subject");
            if (wanted.contains(subject)) {
                processed.get(subject).add(row.getObject("event_id", UUID.class));
            }
        });
        return processed;
    }

    /**
     * The database refuses new connections and its sessions are terminated, as when the server crashes or restarts;
     * closing lets connections in again. Run from an administrator's connection to another database.
     */
    private record DatabaseOutage(String database) implements AutoCloseable {

        static DatabaseOutage of(String database) throws SQLException {
            DatabaseOutage outage = new DatabaseOutage(database);
            outage.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try (Connection admin = admin();
                    PreparedStatement terminate = admin.prepareStatement(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                terminate.setString(1, database);
                terminate.execute();
            }
            return outage;
        }

        @Override
        public void close() throws SQLException {
            execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }

        private void execute(String sql) throws SQLException {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                statement.execute(sql);
            }
        }

        private static Connection admin() throws SQLException {
            Infrastructure infrastructure = Infrastructure.get();
            return DriverManager.getConnection(infrastructure.jdbcUrl("postgres"), infrastructure.username(),
                    infrastructure.password());
        }
    }
}
