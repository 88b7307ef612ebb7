package dev.eventshop.order.order.messaging;

import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.messaging.outbox.Outbox;
import dev.eventshop.order.order.application.OrderEventOutbox;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order's events through the messaging library's transactional outbox.
 *
 * <p>{@link Outbox#append} does not return the id it gives the event, and the timeline needs it, so this reads it
 * back from the row just appended in this transaction. Until {@code append} returns the id, this is the one place
 * that knows the library's {@code outbox_event} table.
 */
@Component
class OutboxOrderEvents implements OrderEventOutbox {

    private final Outbox outbox;
    private final JdbcClient jdbc;

    OutboxOrderEvents(Outbox outbox, JdbcClient jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    public UUID append(IntegrationEvent event) {
        outbox.append(event);
        return jdbc.sql("""
                SELECT event_id FROM outbox_event
                WHERE record_key = :key AND event_type = :type
                ORDER BY id DESC LIMIT 1
                """)
                .param("key", event.aggregateId())
                .param("type", EventCatalog.of(event).name())
                .query(UUID.class)
                .single();
    }
}
