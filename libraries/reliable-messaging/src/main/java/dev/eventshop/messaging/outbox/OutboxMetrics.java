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
 * The outbox's health in numbers: how many rows wait, how old the oldest one is, how many the broker refused and are
 * parked, how long rows take from commit to broker acknowledgement, how often publishing failed, and how often the
 * relay's thread died and was restarted.
 */
public class OutboxMetrics {

    private static final Duration CACHE = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Timer latency;
    private final Counter failures;
    private final Counter restarts;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, 0, 0, 0);

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
        this.restarts = Counter.builder("eventshop.outbox.relay.restarts")
                .description("Times the relay's thread died of an unexpected error and was started again")
                .register(registry);
        Gauge.builder("eventshop.outbox.pending", this, metrics -> metrics.current().pending())
                .description("Outbox rows not yet published, parked ones aside")
                .register(registry);
        Gauge.builder("eventshop.outbox.parked", this, metrics -> metrics.current().parked())
                .description("Outbox rows the broker rejected for good, parked until released; the later rows of "
                        + "their keys wait behind them")
                .register(registry);
        Gauge.builder("eventshop.outbox.oldest.pending.age", this, metrics -> metrics.current().oldestAgeSeconds())
                .description("Age in seconds of the oldest unpublished outbox row, parked ones aside")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(Instant appendedAt) {
        latency.record(Duration.between(appendedAt, clock.instant()));
    }

    void publishFailed() {
        failures.increment();
    }

    void relayRestarted() {
        restarts.increment();
    }

    private Snapshot current() {
        Snapshot cached = snapshot;
        Instant now = clock.instant();
        if (cached.takenAt().plus(CACHE).isAfter(now)) {
            return cached;
        }
        Snapshot fresh = jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                       count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                       coalesce(extract(epoch FROM clock_timestamp()
                                        - min(created_at) FILTER (WHERE parked_at IS NULL)), 0) AS oldest
                FROM outbox_event WHERE published_at IS NULL
                """, (rs, row) -> new Snapshot(now, rs.getLong("pending"), rs.getLong("parked"),
                rs.getDouble("oldest")));
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, long pending, long parked, double oldestAgeSeconds) {
    }
}
