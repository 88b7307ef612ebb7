package dev.eventshop.order.lifecycle.persistence;

import static dev.eventshop.order.lifecycle.persistence.JdbcOrderRepository.instant;
import static dev.eventshop.order.lifecycle.persistence.JdbcOrderRepository.utc;

import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.application.OrderTimeline;
import dev.eventshop.order.lifecycle.application.TimelineEntry;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Timeline entries in {@code order_timeline_entry}, one per event id. */
@Repository
class JdbcOrderTimeline implements OrderTimeline {

    private final JdbcClient jdbc;

    JdbcOrderTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(OrderId orderId, TimelineEntry entry) {
        jdbc.sql("""
                INSERT INTO order_timeline_entry (order_id, event_id, event_type, source, occurred_at)
                VALUES (:orderId, :eventId, :type, :source, :occurredAt)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("orderId", orderId.value())
                .param("eventId", entry.eventId())
                .param("type", entry.type())
                .param("source", entry.source())
                .param("occurredAt", utc(entry.occurredAt()))
                .update();
    }

    @Override
    public List<TimelineEntry> of(OrderId orderId) {
        return jdbc.sql("""
                SELECT event_id, event_type, source, occurred_at FROM order_timeline_entry
                WHERE order_id = :orderId ORDER BY occurred_at, id
                """)
                .param("orderId", orderId.value())
                .query((rs, row) -> new TimelineEntry(rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("source"), instant(rs, "occurred_at")))
                .list();
    }
}
