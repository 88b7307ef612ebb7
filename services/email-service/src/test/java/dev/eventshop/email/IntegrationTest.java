package dev.eventshop.email;

import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.ConsumerGroup;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.ServiceIntegrationTest;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.context.annotation.Import;

/**
 * The one context configuration of every email-service integration test, so that Spring starts the service once per
 * test run, with a real SMTP server ({@link TestSmtpServer}) to send to. Tests publish order outcomes as the
 * order-service would.
 */
@AutoConfigureTracing
@Import(TestHooks.class)
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String CONSUMER_GROUP = "email-service";
    protected static final String EMAIL_SENT = "dev.eventshop.email.sent.v1";

    @Autowired
    protected TestSmtpServer smtp;
    @Autowired
    protected MailGate mailGate;

    @AutoClose
    protected TopicProbe emailEvents;

    protected IntegrationTest() {
        super(EventRecords::toProducerRecord);
    }

    @BeforeEach
    void connect() {
        emailEvents = new TopicProbe(bootstrapServers, "email-events");
    }

    /** Waits until the service has consumed every given record from its topic. */
    protected void awaitConsumed(Published... records) {
        try (ConsumerGroup group = new ConsumerGroup(bootstrapServers, CONSUMER_GROUP)) {
            group.awaitConsumed(List.of(records), PATIENCE);
        }
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
        return outboxCount(orderId.toString(), EMAIL_SENT);
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
