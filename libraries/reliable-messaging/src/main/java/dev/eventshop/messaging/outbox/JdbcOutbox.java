package dev.eventshop.messaging.outbox;

import dev.eventshop.events.EventPublisher;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.PublishedEvent;
import dev.eventshop.messaging.EventRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes through a transactional outbox: each event is a row in {@code outbox_event}, written in the caller's
 * transaction, so it exists if and only if the business change commits. The row holds the record exactly as it will
 * be sent (topic, key, CloudEvents headers, JSON value), so the relay only ships bytes, in append order per key.
 */
public class JdbcOutbox implements EventPublisher {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, headers, traceparent)
            VALUES (?, ?, ?, ?, ?::json, ?::json, ?)
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TraceContext trace;
    private final Clock clock;
    private final MeterRegistry meters;

    public JdbcOutbox(JdbcTemplate jdbc, TraceContext trace, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.trace = trace;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public PublishedEvent publish(IntegrationEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "publishing needs the caller's transaction, so the event commits with the business change");
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        ProducerRecord<String, byte[]> record = EventRecords.toProducerRecord(event, eventId, now, null);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        jdbc.update(INSERT, eventId, record.topic(), record.key(), headers.get("ce_type"),
                new String(record.value(), StandardCharsets.UTF_8), JSON.writeValueAsString(headers),
                trace.currentTraceparent());
        meters.counter("eventshop.outbox.appended", "topic", record.topic()).increment();
        return new PublishedEvent(eventId, now);
    }
}
