package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HousekeepingAndMetricsIT extends OutboxIntegrationTest {

    @Autowired
    MessagingHousekeeping housekeeping;
    @Autowired
    MeterRegistry meters;

    @Test
    void the_purge_deletes_published_rows_past_their_retention_and_keeps_the_rest() {
        OrderId old = OrderId.newId();
        OrderId recent = OrderId.newId();
        transaction.executeWithoutResult(status -> {
            outbox.publish(Samples.orderPlaced(old, 1));
            outbox.publish(Samples.orderPlaced(recent, 1));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedRows(old) + publishedRows(recent) == 2);
        jdbc.update("UPDATE outbox_event SET published_at = now() - interval '8 days' WHERE record_key = ?",
                old.toString());

        housekeeping.purge();

        assertThat(rows(old)).isZero();
        assertThat(rows(recent)).isEqualTo(1);
    }

    @Test
    void the_purge_deletes_in_bounded_batches_until_every_expired_row_is_gone() {
        String key = OrderId.newId().toString();
        int expired = MessagingHousekeeping.BATCH * 2 + 7;
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, headers, published_at)
                SELECT gen_random_uuid(), 'order-events', ?, 'test', '{}', '{}', now() - interval '8 days'
                FROM generate_series(1, ?)""", key, expired);

        int[] purged = housekeeping.purge();

        assertThat(purged[0]).isGreaterThanOrEqualTo(expired);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE record_key = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void the_outbox_reports_pending_rows_the_oldest_ones_age_and_publish_latency() {
        // Other tests in this context stop the database or the broker, and their rows wait: only this row's latency
        // is this test's.
        Timer latency = meters.get("eventshop.outbox.publish.latency").timer();
        long countBefore = latency.count();
        double secondsBefore = latency.totalTime(TimeUnit.SECONDS);

        transaction.executeWithoutResult(status -> outbox.publish(Samples.orderPlaced()));
        await().atMost(Duration.ofSeconds(10)).until(() -> latency.count() > countBefore);

        assertThat(meters.get("eventshop.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("eventshop.outbox.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat((latency.totalTime(TimeUnit.SECONDS) - secondsBefore) / (latency.count() - countBefore))
                .as("seconds from commit to acknowledgement").isLessThan(2.0);
    }

    private int publishedRows(OrderId key) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE record_key = ? AND published_at IS NOT NULL", Integer.class,
                key.toString());
    }

    private int rows(OrderId key) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE record_key = ?", Integer.class,
                key.toString());
    }
}
