package dev.eventshop.messaging;

import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The test application's consumer of {@code order-events}: records one effect per event, idempotently, and fails on
 * purpose as often as a test asks it to for a given subject.
 */
@Component
public class ProbeListener {

    private final IdempotentConsumer consumer;
    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> failuresToGo = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> deliveriesOfEvent = new ConcurrentHashMap<>();

    ProbeListener(IdempotentConsumer consumer, JdbcTemplate jdbc) {
        this.consumer = consumer;
        this.jdbc = jdbc;
    }

    /** The next {@code times} deliveries of events about {@code subject} throw. */
    public void failNext(String subject, int times) {
        failuresToGo.put(subject, new AtomicInteger(times));
    }

    public int deliveries(String subject) {
        return deliveries.getOrDefault(subject, new AtomicInteger()).get();
    }

    /** How often the event delivered most often was delivered, main and retry topics together. */
    /** The most deliveries any one of these events has had (other tests share this listener). */
    public int mostDeliveriesOfOneOf(Collection<UUID> events) {
        return events.stream().map(deliveriesOfEvent::get).filter(Objects::nonNull)
                .mapToInt(AtomicInteger::get).max().orElse(0);
    }

    public int effects(String subject) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM probe_effect WHERE subject = ?", Integer.class,
                subject);
        return count == null ? 0 : count;
    }

    @KafkaListener(topics = "order-events")
    void on(IncomingEvent<?> event) {
        deliveries.computeIfAbsent(event.subject(), key -> new AtomicInteger()).incrementAndGet();
        deliveriesOfEvent.computeIfAbsent(event.id(), key -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failures = failuresToGo.get(event.subject());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("failing on purpose for " + event.subject());
        }
        consumer.handleOnce(event, () -> jdbc.update("INSERT INTO probe_effect (event_id, subject) VALUES (?, ?)",
                event.id(), event.subject()));
    }
}
