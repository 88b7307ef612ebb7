package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.EventRecords;
import dev.eventshop.messaging.MessagingSpans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes one batch of pending rows in one transaction: lead, select the oldest rows that may be sent, send them
 * all, then mark published what the broker acknowledged, so a later row of a key never overtakes an earlier one.
 *
 * <p>Two kinds of failure end differently. A transient one (timeout, broker unreachable) stops the batch: only the
 * rows acknowledged before it are marked, and the relay backs off. A permanent one ({@link SendFailures}: the broker
 * will never take this record as it is) is the row's own: it counts towards parking the row ({@link ParkedRows}),
 * the later rows of its key are held back (not sent, or if already in flight not marked, so they are sent again
 * after it), and the rows of every other key are published as usual.
 *
 * <p>Each record is sent inside a producer span that continues the trace stored with its row.
 */
final class BatchPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RelayLeadership leadership;
    private final Producer<String, byte[]> producer;
    private final TraceContext trace;
    private final OutboxMetrics metrics;
    private final ParkedRows parking;
    private final int batchSize;
    private final Duration sendTimeout;
    private final int maxAttempts;

    BatchPublisher(JdbcTemplate jdbc, TransactionTemplate transaction, RelayLeadership leadership,
            Producer<String, byte[]> producer, TraceContext trace, OutboxMetrics metrics, int batchSize,
            Duration sendTimeout, int maxAttempts) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.leadership = leadership;
        this.producer = producer;
        this.trace = trace;
        this.metrics = metrics;
        this.parking = new ParkedRows(jdbc);
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.maxAttempts = maxAttempts;
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
            List<InFlight> sent = send(rows);
            List<Long> acknowledged = new ArrayList<>(sent.size());
            Set<String> heldBack = new HashSet<>();
            int rejected = 0;
            Throwable failure = null;
            for (InFlight flight : sent) {
                PendingRow row = flight.row();
                if (failure != null) {
                    // Not awaited after a transient failure: sent again with the rest of the batch.
                    flight.span().end(failure);
                    continue;
                }
                try {
                    RecordMetadata metadata = flight.sent().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    flight.span().acknowledged(metadata.partition(), metadata.offset());
                    flight.span().end(null);
                    if (heldBack.contains(row.key())) {
                        // It reached the broker ahead of a rejected row of its key: send it again after that one.
                        continue;
                    }
                    acknowledged.add(row.id());
                    metrics.published(row.createdAt());
                    flight.span().inScope(() -> logPublished(row, metadata));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    flight.span().end(cause);
                    if (SendFailures.isPermanent(cause)) {
                        heldBack.add(row.key());
                        rejected++;
                        rejected(row, cause);
                    } else {
                        failure = cause;
                    }
                } catch (TimeoutException e) {
                    flight.span().end(e);
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    flight.span().end(e);
                    failure = e;
                }
            }
            if (!acknowledged.isEmpty()) {
                jdbc.update("UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(?)",
                        (Object) acknowledged.toArray(Long[]::new));
            }
            return new Result(true, rows.size(), acknowledged.size(), rejected, failure);
        });
        return result == null ? Result.NOT_LEADER : result;
    }

    /** Sends the rows in order, holding back the later rows of a key whose record the producer refused at once. */
    private List<InFlight> send(List<PendingRow> rows) {
        List<InFlight> sent = new ArrayList<>(rows.size());
        Set<String> refused = new HashSet<>();
        for (PendingRow row : rows) {
            if (refused.contains(row.key())) {
                continue;
            }
            TraceContext.ProducerSpan span = trace.startProducerSpan(row.topic(), row.key(), row.eventId(),
                    row.type(), row.traceparent());
            Future<RecordMetadata> future = sendOne(row, span);
            sent.add(new InFlight(row, span, future));
            if (future.isDone() && future.state() == Future.State.FAILED) {
                if (!SendFailures.isPermanent(future.exceptionNow())) {
                    // Failed without reaching the broker (no metadata in time): the rest would wait just as long.
                    break;
                }
                refused.add(row.key());
            }
        }
        return sent;
    }

    /** The producer reports most refusals through the future, some by throwing; both end up in the future. */
    private Future<RecordMetadata> sendOne(PendingRow row, TraceContext.ProducerSpan span) {
        try {
            return producer.send(record(row, span.traceparent()));
        } catch (KafkaException e) {
            if (!SendFailures.isPermanent(e)) {
                throw e;
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    private void rejected(PendingRow row, Throwable error) {
        ParkedRows.Rejection rejection = parking.reject(row, error, maxAttempts);
        String field = MessagingSpans.keyField(row.topic()).orElse("key");
        try (MDC.MDCCloseable ignored = MDC.putCloseable(field, row.key())) {
            if (rejection.parked()) {
                log.error("Parked outbox row {} ({} {}) to {} key {} after {} rejected sends: {}; the later rows of "
                        + "its key wait behind it until it is released", row.id(), row.type(), row.eventId(),
                        row.topic(), row.key(), rejection.attempts(), error.toString());
            } else {
                log.warn("The broker rejected outbox row {} ({} {}) to {} key {} (send {} of {} before it is "
                        + "parked): {}", row.id(), row.type(), row.eventId(), row.topic(), row.key(),
                        rejection.attempts(), maxAttempts, error.toString());
            }
        }
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

    private record InFlight(PendingRow row, TraceContext.ProducerSpan span, Future<RecordMetadata> sent) {
    }

    /**
     * What a batch did: whether this relay led, how many rows it selected, published and saw rejected for good, and
     * the transient failure that stopped it, if one did.
     */
    record Result(boolean leader, int selected, int published, int rejected, @Nullable Throwable failure) {

        static final Result NOT_LEADER = new Result(false, 0, 0, 0, null);
    }
}
