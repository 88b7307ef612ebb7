package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.EventRecords;
import dev.eventshop.messaging.MessagingSpans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes one batch of pending rows in one transaction: lead, select the oldest pending rows, send them all, then
 * mark published only the prefix the broker acknowledged, so a later row of a key never overtakes an earlier one.
 * Each record is sent inside a producer span that continues the trace stored with its row.
 */
final class BatchPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RelayLeadership leadership;
    private final Producer<String, byte[]> producer;
    private final TraceContext trace;
    private final OutboxMetrics metrics;
    private final int batchSize;
    private final Duration sendTimeout;

    BatchPublisher(JdbcTemplate jdbc, TransactionTemplate transaction, RelayLeadership leadership,
            Producer<String, byte[]> producer, TraceContext trace, OutboxMetrics metrics, int batchSize,
            Duration sendTimeout) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.leadership = leadership;
        this.producer = producer;
        this.trace = trace;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    int batchSize() {
        return batchSize;
    }

    /** One batch; {@link Result#NOT_LEADER} when another relay holds the lock. */
    Result publish() {
        Result result = transaction.execute(status -> {
            if (!leadership.leadThisTransaction()) {
                return Result.NOT_LEADER;
            }
            List<PendingRow> rows = jdbc.query(PendingRow.SELECT, PendingRow.MAPPER, batchSize);
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<TraceContext.ProducerSpan> spans = new ArrayList<>(rows.size());
            for (PendingRow row : rows) {
                TraceContext.ProducerSpan span = trace.startProducerSpan(row.topic(), row.key(), row.eventId(),
                        row.type(), row.traceparent());
                spans.add(span);
                Future<RecordMetadata> sent = producer.send(record(row, span.traceparent()));
                sends.add(sent);
                if (sent.isDone() && sent.state() == Future.State.FAILED) {
                    // Failed without reaching the broker (no metadata in time): the rest would wait just as long.
                    break;
                }
            }
            List<Long> acknowledged = new ArrayList<>(rows.size());
            Exception failure = null;
            for (int i = 0; i < sends.size() && failure == null; i++) {
                PendingRow row = rows.get(i);
                try {
                    RecordMetadata metadata = sends.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(row.id());
                    metrics.published(row.createdAt());
                    spans.get(i).acknowledged(metadata.partition(), metadata.offset());
                    spans.get(i).inScope(() -> logPublished(row, metadata));
                } catch (ExecutionException e) {
                    failure = (Exception) e.getCause();
                } catch (TimeoutException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                }
            }
            for (int i = 0; i < spans.size(); i++) {
                spans.get(i).end(i < acknowledged.size() ? null : failure);
            }
            if (!acknowledged.isEmpty()) {
                jdbc.update("UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(?)",
                        (Object) acknowledged.toArray(Long[]::new));
            }
            return new Result(true, rows.size(), acknowledged.size(), failure);
        });
        return result == null ? Result.NOT_LEADER : result;
    }

    private static ProducerRecord<String, byte[]> record(PendingRow row, @Nullable String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        row.headers().forEach((key, value) -> record.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
        if (traceparent != null) {
            record.headers().add(EventRecords.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** One line per event, in the event's trace, with its key in the log context under what the key holds. */
    private static void logPublished(PendingRow row, RecordMetadata metadata) {
        String field = MessagingSpans.keyField(row.topic()).orElse("key");
        try (MDC.MDCCloseable ignored = MDC.putCloseable(field, row.key())) {
            log.info("Published {} {} to {}-{}@{} key {}", row.type(), row.eventId(), metadata.topic(),
                    metadata.partition(), metadata.offset(), row.key());
        }
    }

    /** What a batch did: whether this relay led, how many rows it selected and published, and why it stopped. */
    record Result(boolean leader, int selected, int published, @Nullable Exception failure) {

        static final Result NOT_LEADER = new Result(false, 0, 0, null);
    }
}
