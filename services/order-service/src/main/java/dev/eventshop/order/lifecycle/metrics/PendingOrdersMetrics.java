package dev.eventshop.order.lifecycle.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many orders wait for the saga ({@code eventshop.orders.pending}) and how long the oldest has waited
 * ({@code eventshop.orders.oldest.pending.age}, seconds): an order older than the saga's deadline is one the saga lost.
 * Each is one small query per scrape, on the index of pending orders.
 */
@Component
class PendingOrdersMetrics {

    PendingOrdersMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        Gauge.builder("eventshop.orders.pending", jdbc,
                        db -> db.queryForObject("SELECT count(*) FROM orders WHERE status = 'PENDING'", Long.class))
                .description("Orders placed and not yet confirmed or cancelled")
                .register(meters);
        Gauge.builder("eventshop.orders.oldest.pending.age", jdbc, db -> db.queryForObject("""
                        SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                        FROM orders WHERE status = 'PENDING'
                        """, Double.class))
                .description("Age in seconds of the oldest order still pending")
                .baseUnit("seconds")
                .register(meters);
    }
}
