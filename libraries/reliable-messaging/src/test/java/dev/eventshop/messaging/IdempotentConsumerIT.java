package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MessagingTestContext
class IdempotentConsumerIT {

    @Autowired
    IdempotentConsumer consumer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_same_event_delivered_twice_in_sequence_has_one_effect_and_no_exception() {
        IncomingEvent<?> event = delivered();

        boolean first = consumer.handleOnce(event, () -> recordEffect(event));
        boolean second = consumer.handleOnce(event, () -> recordEffect(event));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects(event)).isEqualTo(1);
    }

    @Test
    void the_same_event_delivered_concurrently_from_two_threads_has_exactly_one_effect() throws Exception {
        IncomingEvent<?> event = delivered();
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);

        // Two threads of their own: the common pool may have a single worker on a small machine.
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> consumer.handleOnce(event, () -> {
            recordEffect(event);
            firstClaimed.countDown();
            awaitLatch(secondIsWaiting);
        }), deliveries);
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                () -> consumer.handleOnce(event, () -> recordEffect(event)), deliveries);
        // The second delivery blocks on the first one's uncommitted processed-event row.
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionsWaitingOnALock() > 0);
        secondIsWaiting.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(effects(event)).isEqualTo(1);
        deliveries.shutdown();
    }

    private static IncomingEvent<?> delivered() {
        ProducerRecord<String, byte[]> record = EventRecords.toProducerRecord(Samples.orderPlaced(),
                UUID.randomUUID(), Instant.now(), null);
        return EventRecords.decode(record.headers(), record.value());
    }

    private void recordEffect(IncomingEvent<?> event) {
        jdbc.update("INSERT INTO probe_effect (event_id, subject) VALUES (?, ?)", event.id(), event.subject());
    }

    private int effects(IncomingEvent<?> event) {
        return jdbc.queryForObject("SELECT count(*) FROM probe_effect WHERE event_id = ?", Integer.class, event.id());
    }

    private int sessionsWaitingOnALock() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%processed_event%'
                """, Integer.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second delivery never waited");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
