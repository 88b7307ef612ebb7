package dev.eventshop.testsupport;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every service's integration tests share: the real service on a random port, with its {@code it} profile,
 * against the JVM's real Kafka broker and a PostgreSQL database of its own; a client of its API, and the events of the
 * other services to publish. A service's base class adds its test hooks; its tests add no context configuration of
 * their own, so that Spring starts each service once per test run.
 */
// Tests take a committed offset as the sign that a record was handled (ConsumerGroup): the services' second between
// offset commits (KAFKA_ACK_TIME) would add itself to each such wait.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.ack-time=100ms")
@WithRealInfrastructure
@ActiveProfiles("it")
public abstract class ServiceIntegrationTest {

    @LocalServerPort
    private int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;
    @Autowired
    protected JdbcClient jdbc;

    protected Http http;
    /** Publishes what the other services would. */
    @AutoClose
    protected EventInjector events;

    private final EventInjector.Encoding encoding;

    /** @param encoding how an event becomes a record: {@code EventRecords::toProducerRecord} */
    protected ServiceIntegrationTest(EventInjector.Encoding encoding) {
        this.encoding = encoding;
    }

    @BeforeEach
    void connectClients() {
        http = new Http(port);
        events = new EventInjector(bootstrapServers, encoding);
    }

    public Http http() {
        return http;
    }

    /** How many rows a table of the service's database holds. */
    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** How many events of a type the service's outbox holds for a record key (published or not). */
    protected long outboxCount(String key, String eventType) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type = :type")
                .param("key", key).param("type", eventType).query(Long.class).single();
    }

    /** Whether the outbox relay published every event appended for a record key so far. */
    protected boolean outboxDrainedFor(String key) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND published_at IS NULL")
                .param("key", key).query(Long.class).single() == 0;
    }
}
