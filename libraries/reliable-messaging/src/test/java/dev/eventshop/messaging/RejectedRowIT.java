package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.outbox.OutboxEndpoint;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.ParkedRows;
import dev.eventshop.testsupport.Infrastructure;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record the broker will never take as it is: larger than its topic allows. The row is parked, rows of other keys
 * flow on past it, rows of its key wait behind it, and once the topic's limit is raised and the row released, it and
 * then its key's later rows arrive in order.
 */
class RejectedRowIT {

    private static final int MAX_ATTEMPTS = 3;
    private static final int TOPIC_LIMIT_BYTES = 4_096;

    private final String bootstrapServers = Infrastructure.get().kafkaBootstrapServers();
    private final String topic = "rejected-rows-" + UUID.randomUUID();
    private StandaloneRelays relays;
    private Admin kafka;

    @BeforeEach
    void topicWithASmallRecordLimit() throws Exception {
        relays = new StandaloneRelays(bootstrapServers);
        kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        // One partition: the rows that flow on share it with the parked one.
        kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TOPIC_LIMIT_BYTES)))))
                .all().get();
    }

    @AfterEach
    void close() throws Exception {
        relays.close();
        kafka.deleteTopics(List.of(topic)).all().get();
        kafka.close();
    }

    @Test
    void a_row_the_broker_rejects_is_parked_while_other_keys_flow_on_and_its_key_waits_until_it_is_released()
            throws Exception {
        MessagingProperties.Relay settings = StandaloneRelays.settings(Duration.ofSeconds(10))
                .withMaxAttempts(MAX_ATTEMPTS);
        OutboxRelay relay = relays.relay("relay", settings, producer -> producer, new AtomicInteger());
        ParkedRows parking = new ParkedRows(relays.admin);
        String before = append("key-before", 1, 10);
        String tooLarge = append("key-poisoned", 1, TOPIC_LIMIT_BYTES * 3);
        relay.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(tooLarge) >= 1);
        String waiting = append("key-poisoned", 2, 10);
        String after = append("key-after", 1, 10);

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(tooLarge));

        assertThat(attempts(tooLarge)).isEqualTo(MAX_ATTEMPTS);
        assertThat(relays.admin.queryForObject("SELECT last_error FROM outbox_event WHERE event_id = ?::uuid",
                String.class, tooLarge)).contains("RecordTooLargeException");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, topic)) {
            probe.awaitAtLeast(1, withKey("key-after"), Duration.ofSeconds(10));
            probe.drain(Duration.ofSeconds(1));
            assertThat(probe.matching(withKey("key-before"))).hasSize(1);
            assertThat(probe.matching(withKey("key-poisoned"))).as("nothing of the parked row's key got out")
                    .isEmpty();
        }
        assertThat(published(before)).isTrue();
        assertThat(published(after)).isTrue();
        assertThat(published(waiting)).as("the later row of the parked row's key waits behind it").isFalse();
        assertThat(parking.list()).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo(tooLarge);
            assertThat(row.key()).isEqualTo("key-poisoned");
            assertThat(row.topic()).isEqualTo(topic);
            assertThat(row.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(row.waitingBehind()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> relays.meters.get("eventshop.outbox.parked").gauge().value() == 1.0);

        raiseTheTopicsLimit();
        assertThat(new OutboxEndpoint(parking).release(parking.list().getFirst().id()).getStatus()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, topic)) {
            List<ConsumerRecord<String, byte[]>> records = probe.awaitAtLeast(2, withKey("key-poisoned"),
                    Duration.ofSeconds(20));
            assertThat(records).extracting(record -> header(record, "ce_id")).containsExactly(tooLarge, waiting);
        }
        assertThat(published(tooLarge)).isTrue();
        assertThat(published(waiting)).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> relays.meters.get("eventshop.outbox.parked").gauge().value() == 0.0);
    }

    @Test
    void releasing_a_row_that_is_not_parked_answers_not_found_with_a_problem() {
        OutboxEndpoint endpoint = new OutboxEndpoint(new ParkedRows(relays.admin));

        var response = endpoint.release(42);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).isEqualTo(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                "detail", "No parked outbox row has id 42"));
    }

    /** A row as the outbox would hold it, with a value of about {@code bytes}; returns its event id. */
    private String append(String key, int sequence, int bytes) {
        String eventId = UUID.randomUUID().toString();
        relays.admin.update("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, headers)
                VALUES (?::uuid, ?, ?, 'dev.eventshop.test.v1', ?::json, ?::json)
                """, eventId, topic, key, "{\"sequence\":" + sequence + ",\"padding\":\"" + "x".repeat(bytes) + "\"}",
                "{\"ce_id\":\"" + eventId + "\",\"ce_type\":\"dev.eventshop.test.v1\"}");
        return eventId;
    }

    private void raiseTheTopicsLimit() throws Exception {
        kafka.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048576"),
                        AlterConfigOp.OpType.SET)))).all().get();
    }

    private int attempts(String eventId) {
        return relays.admin.queryForObject("SELECT attempts FROM outbox_event WHERE event_id = ?::uuid",
                Integer.class, eventId);
    }

    private boolean parked(String eventId) {
        return Boolean.TRUE.equals(relays.admin.queryForObject(
                "SELECT parked_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid", Boolean.class, eventId));
    }

    private boolean published(String eventId) {
        return Boolean.TRUE.equals(relays.admin.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?::uuid", Boolean.class,
                eventId));
    }
}
