package dev.eventshop.messaging.outbox;

import dev.eventshop.events.Topics;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.messaging.config.MessagingProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes pending outbox rows to Kafka, oldest first, and marks each published only after the broker acknowledged
 * it.
 *
 * <p>Exactly one relay per database is active at a time: each batch runs in a transaction that first takes a
 * PostgreSQL advisory lock, so replicas of a service take turns batch by batch and per-key order holds. A relay that
 * dies mid-batch loses the lock with its connection and another takes over at its next wake-up; rows it had sent but
 * not marked are sent again, and consumers drop the duplicates by event id.
 *
 * <p>The relay sleeps on {@code LISTEN outbox_event}: the insert trigger's NOTIFY arrives when the appending
 * transaction commits, so latency is milliseconds; {@code poll-interval} is only the fallback. Each batch selects every
 * pending row, so a row whose transaction took a lower id but committed later is published on the next wake-up.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock key; advisory locks are per database, and each service has its own database. */
    static final long LOCK_KEY = 0x6576_656e_7473_686fL;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String SELECT_PENDING = """
            SELECT id, event_id, topic, record_key, payload::text AS payload, headers::text AS headers, traceparent,
                   created_at
            FROM outbox_event
            WHERE published_at IS NULL
            ORDER BY id
            LIMIT ?
            """;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Producer<String, byte[]> producer;
    private final TraceContext trace;
    private final OutboxMetrics metrics;
    private final MessagingProperties.Relay settings;
    private final String name;

    private volatile boolean running;
    private volatile boolean leading;
    private @Nullable Thread worker;

    public OutboxRelay(String name, DataSource dataSource, TransactionTemplate transaction,
            Producer<String, byte[]> producer, TraceContext trace, OutboxMetrics metrics,
            MessagingProperties.Relay settings) {
        this.name = name;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = transaction;
        this.producer = producer;
        this.trace = trace;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay-" + name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this relay held the lock for its latest batch, that is, whether it is the one publishing. */
    public boolean isLeading() {
        return leading;
    }

    /** Stop late, start early: consumers' handlers append events while they shut down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        Backoff backoff = new Backoff(settings.getInitialBackoff(), settings.getMaxBackoff());
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN outbox_event");
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    if (drain()) {
                        backoff.reset();
                    } else {
                        backoff.pause();
                        continue;
                    }
                    // Returns on the first NOTIFY after a commit, or after the poll interval at the latest.
                    notifications.getNotifications((int) settings.getPollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay lost its database connection, retrying: {}", e.getMessage());
                    if (!pauseQuietly(backoff)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean pauseQuietly(Backoff backoff) {
        try {
            backoff.pause();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Publishes batches until nothing is pending or another relay holds the lock.
     *
     * @return false when a publish failed and the caller should back off
     */
    boolean drain() throws InterruptedException {
        while (running) {
            BatchResult result = publishBatch();
            if (result.failure() != null) {
                metrics.publishFailed();
                log.warn("Outbox relay published {} of {} rows; retrying the rest: {}", result.published(),
                        result.selected(), result.failure().toString());
                return false;
            }
            if (!result.leader() || result.selected() < settings.getBatchSize()) {
                return true;
            }
        }
        return true;
    }

    /** One batch in one transaction: lock, select pending rows, send them, mark the acknowledged prefix. */
    BatchResult publishBatch() throws InterruptedException {
        BatchResult result = transaction.execute(status -> {
            // A relay stuck while holding the lock loses it with its session instead of stalling every replica.
            jdbc.execute("SET LOCAL idle_in_transaction_session_timeout = '"
                    + settings.getLockTimeout().toMillis() + "ms'");
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return BatchResult.NOT_LEADER;
            }
            List<PendingRow> rows = jdbc.query(SELECT_PENDING, PendingRow.MAPPER, settings.getBatchSize());
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<TraceContext.ProducerSpan> spans = new ArrayList<>(rows.size());
            for (PendingRow row : rows) {
                TraceContext.ProducerSpan span = trace.startProducerSpan(row.topic(), row.key(), row.eventId(),
                        row.headers().getOrDefault("ce_type", ""), row.traceparent());
                spans.add(span);
                Future<RecordMetadata> sent = send(row, span.traceparent());
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
                    RecordMetadata metadata = sends.get(i).get(settings.getSendTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
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
            // Only the acknowledged prefix: a later row of the same key must not overtake an earlier one.
            if (!acknowledged.isEmpty()) {
                jdbc.update("UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(?)",
                        (Object) acknowledged.toArray(Long[]::new));
            }
            return new BatchResult(true, rows.size(), acknowledged.size(), failure);
        });
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        BatchResult outcome = result == null ? BatchResult.NOT_LEADER : result;
        if (outcome.leader() != leading) {
            log.info(outcome.leader() ? "Outbox relay {} is now the active one" : "Outbox relay {} is on standby",
                    name);
            leading = outcome.leader();
        }
        return outcome;
    }

    /** One line per event, in the event's trace and, for order topics, with the order id like every other line. */
    private static void logPublished(PendingRow row, RecordMetadata metadata) {
        boolean aboutAnOrder = Topics.named(row.topic()).map(topic -> topic.key().equals(Topics.ORDER_ID))
                .orElse(false);
        try (MDC.MDCCloseable ignored = aboutAnOrder ? MDC.putCloseable("orderId", row.key()) : null) {
            log.info("Published {} {} to {}-{}@{} key {}", row.headers().get("ce_type"), row.eventId(),
                    metadata.topic(), metadata.partition(), metadata.offset(), row.key());
        }
    }

    private Future<RecordMetadata> send(PendingRow row, @Nullable String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        row.headers().forEach((key, value) -> record.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
        if (traceparent != null) {
            record.headers().add(EventRecords.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        if (settings.isDuplicateDeliveries()) {
            producer.send(record);
        }
        return producer.send(record);
    }

    record BatchResult(boolean leader, int selected, int published, @Nullable Exception failure) {

        static final BatchResult NOT_LEADER = new BatchResult(false, 0, 0, null);
    }

    private record PendingRow(long id, String eventId, String topic, String key, String payload,
            Map<String, String> headers, @Nullable String traceparent, Instant createdAt) {

        static final RowMapper<PendingRow> MAPPER = (rs, rowNum) -> new PendingRow(
                rs.getLong("id"),
                rs.getString("event_id"),
                rs.getString("topic"),
                rs.getString("record_key"),
                rs.getString("payload"),
                JSON.readValue(rs.getString("headers"), HEADERS),
                rs.getString("traceparent"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Exponential backoff between failed attempts, interruptible by {@link #stop()}. */
    private static final class Backoff {

        private final Duration initial;
        private final Duration max;
        private Duration next;

        Backoff(Duration initial, Duration max) {
            this.initial = initial;
            this.max = max;
            this.next = initial;
        }

        void reset() {
            next = initial;
        }

        void pause() throws InterruptedException {
            Thread.sleep(next);
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(max) > 0 ? max : doubled;
        }
    }
}
