package dev.eventshop.email;

import static org.awaitility.Awaitility.await;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.TopicProbe;
import dev.eventshop.testsupport.WithRealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one context configuration of every email-service integration test, so that Spring starts the service once per
 * test run: the real service on a random port against the JVM's real Kafka broker, a PostgreSQL database of its own
 * and a real SMTP server ({@link TestSmtpServer}). Subclasses add no context configuration of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@AutoConfigureTracing
@ActiveProfiles("it")
@Import(TestHooks.class)
public abstract class IntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String CONSUMER_GROUP = "email-service";
    protected static final String EMAIL_SENT = "dev.eventshop.email.sent.v1";

    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TestSmtpServer smtp;
    @Autowired
    protected MailGate mailGate;

    protected Http http;
    protected TopicProbe emailEvents;

    @BeforeEach
    void connect() {
        http = new Http(port);
        emailEvents = new TopicProbe(bootstrapServers, "email-events");
    }

    @AfterEach
    void disconnect() {
        emailEvents.close();
    }

    @AfterAll
    static void closeClients() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    /** An event on its topic, as its producer published it. */
    protected record Published(UUID eventId, RecordMetadata metadata, byte[] value) {
    }

    /** Publishes an event as its producing service would, with a fresh id. */
    protected Published publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID());
    }

    /** Publishes an event with a given id (to deliver it again), and waits until the broker has it. */
    protected Published publish(IntegrationEvent event, UUID eventId) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        ProducerRecord<String, byte[]> record = EventRecords.toProducerRecord(event, eventId, Instant.now(), null);
        try {
            return new Published(eventId, producer.send(record).get(30, TimeUnit.SECONDS), record.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    /**
     * Waits until the service has consumed every given record from its topic, that is, committed an offset past it.
     * A listener commits only after it returned, so by then each record either had its effect or moved on to a retry
     * topic.
     */
    protected void awaitConsumed(Published... records) {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        await("the service consumed the records").atMost(PATIENCE).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(CONSUMER_GROUP).partitionsToOffsetAndMetadata().get();
            for (Published record : records) {
                OffsetAndMetadata offset = committed.get(
                        new TopicPartition(record.metadata().topic(), record.metadata().partition()));
                if (offset == null || offset.offset() <= record.metadata().offset()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits until the SMTP server received at least {@code count} emails about an order, and returns them all. */
    protected List<ReceivedEmail> awaitEmails(OrderId orderId, int count) {
        await("emails about " + orderId).atMost(PATIENCE).until(() -> smtp.receivedAbout(orderId).size() >= count);
        return smtp.receivedAbout(orderId);
    }

    protected long sentEmailRows(OrderId orderId) {
        return jdbc.sql("SELECT count(*) FROM sent_email WHERE order_id = :orderId")
                .param("orderId", orderId.value()).query(Long.class).single();
    }

    /** How many {@code EmailSent} the outbox holds for an order, published or not. */
    protected long emailSentEvents(OrderId orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type = :type")
                .param("key", orderId.toString()).param("type", EMAIL_SENT).query(Long.class).single();
    }

    protected long processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :eventId")
                .param("eventId", eventId).query(Long.class).single();
    }

    /** The attempts at an order's emails still on record: why each certainly failed, or {@code unknown}. */
    protected List<String> attempts(OrderId orderId) {
        return jdbc.sql("SELECT coalesce(not_delivered_reason, 'unknown') FROM email_attempt WHERE order_id = :orderId"
                        + " ORDER BY id")
                .param("orderId", orderId.value()).query(String.class).list();
    }
}
