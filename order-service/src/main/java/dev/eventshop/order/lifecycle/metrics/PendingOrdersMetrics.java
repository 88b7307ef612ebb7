package dev.eventshop.order.lifecycle.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many orders wait for the saga ({@code eventshop.orders.pending}) and how long the oldest has waited
 * ({@code eventshop.orders.oldest.pending.age}, seconds): an order older than the saga's deadline is one the saga lost.
 * Read from the database at most once a second, however often it is scraped.
 */
@Component
class PendingOrdersMetrics {

    private static final Duration CACHE = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, 0, 0);

    PendingOrdersMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("eventshop.orders.pending", this, metrics -> metrics.current().pending())
                .description("Orders placed and not yet confirmed or cancelled")
                .register(meters);
        Gauge.builder("eventshop.orders.oldest.pending.age", this, metrics -> metrics.current().oldestAgeSeconds())
                .description("Age in seconds of the oldest order still pending")
                .baseUnit("seconds")
                .register(meters);
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
                FROM orders WHERE status = 'PENDING'
                """, (rs, row) -> new Snapshot(now, rs.getLong("pending"), rs.getDouble("oldest")));
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, long pending, double oldestAgeSeconds) {
    }
}
