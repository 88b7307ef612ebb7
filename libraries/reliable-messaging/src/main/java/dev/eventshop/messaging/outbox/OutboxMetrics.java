package dev.eventshop.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's health in numbers: how many rows wait, how old the oldest one is, how long rows take from commit to
 * broker acknowledgement, and how often publishing failed.
 */
public class OutboxMetrics {

    private static final Duration CACHE = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Timer latency;
    private final Counter failures;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, 0, 0);

    public OutboxMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.latency = Timer.builder("eventshop.outbox.publish.latency")
                .description("Time from appending an event to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.failures = Counter.builder("eventshop.outbox.publish.failures")
                .description("Relay batches that failed to publish and were retried")
                .register(registry);
        Gauge.builder("eventshop.outbox.pending", this, metrics -> metrics.current().pending())
                .description("Outbox rows not yet published")
                .register(registry);
        Gauge.builder("eventshop.outbox.oldest.pending.age", this, metrics -> metrics.current().oldestAgeSeconds())
                .description("Age in seconds of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(Instant appendedAt) {
        latency.record(Duration.between(appendedAt, clock.instant()));
    }

    void publishFailed() {
        failures.increment();
    }

    private Snapshot current() {
        Snapshot cached = snapshot;
        Instant now = clock.instant();
        if (cached.takenAt().plus(CACHE).isAfter(now)) {
            return cached;
        }
        Snapshot fresh = jdbc.queryForObject("""
                SELECT count(*) AS pending,
                       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) AS oldest
                FROM outbox_event WHERE published_at IS NULL
                """, (rs, row) -> new Snapshot(now, rs.getLong("pending"), rs.getDouble("oldest")));
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, long pending, double oldestAgeSeconds) {
    }
}
