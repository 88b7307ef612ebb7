package dev.eventshop.email.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.email.IntegrationTest;
import dev.eventshop.email.OrderEvents;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.messaging.inbox.IncomingEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deliveries of one order outcome that race each other, as they do between replicas or between a topic and its retry
 * topic: the same event twice and two other events of the same outcome, handed to the listener at once. The first to
 * claim the email holds it at the SMTP server's door (the test's {@code MailGate}) until every other delivery waits
 * on a database lock; then all go on, and only the first sends.
 */
class ConcurrentDeliveriesIT extends IntegrationTest {

    @Autowired
    OrderEventListener listener;

    @Test
    void sends_one_email_when_deliveries_of_the_same_outcome_race() throws Exception {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        IncomingEvent<?> once = incoming(confirmed, UUID.randomUUID());
        IncomingEvent<?> another = incoming(confirmed, UUID.randomUUID());
        IncomingEvent<?> yetAnother = incoming(confirmed, UUID.randomUUID());
        List<IncomingEvent<?>> deliveries = List.of(once, once, another, yetAnother);

        mailGate.hold(confirmed.orderId());
        try (ExecutorService threads = Executors.newFixedThreadPool(deliveries.size())) {
            List<Future<?>> handled = deliveries.stream()
                    .<Future<?>>map(delivery -> threads.submit(() -> listener.on(delivery)))
                    .toList();
            mailGate.awaitArrival(PATIENCE);
            await("every other delivery waits for the first").atMost(PATIENCE)
                    .until(() -> sessionsWaitingForALock() >= deliveries.size() - 1);
            mailGate.release();
            for (Future<?> delivery : handled) {
                delivery.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            mailGate.release();
        }

        assertThat(smtp.receivedAbout(confirmed.orderId())).hasSize(1);
        assertThat(sentEmailRows(confirmed.orderId())).isOne();
        assertThat(emailSentEvents(confirmed.orderId())).isOne();
        assertThat(List.of(once, another, yetAnother)).allSatisfy(event -> assertThat(processed(event.id())).isOne());
    }

    /** Decoded from a record exactly as the listener gets it from Kafka. */
    private static IncomingEvent<?> incoming(IntegrationEvent event, UUID eventId) {
        ProducerRecord<String, byte[]> record = EventRecords.toProducerRecord(event, eventId, Instant.now(), null);
        return EventRecords.decode(record.headers(), record.value());
    }

    private long sessionsWaitingForALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """).query(Long.class).single();
    }
}
