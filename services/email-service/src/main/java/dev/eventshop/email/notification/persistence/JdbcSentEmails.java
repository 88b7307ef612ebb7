package dev.eventshop.email.notification.persistence;

import dev.eventshop.email.notification.application.SentEmails;
import dev.eventshop.email.notification.domain.Email;
import dev.eventshop.email.notification.domain.EmailKind;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.OrderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sent emails in {@code sent_email}. The claim is an insert that does nothing on a conflict: the unique key on (order,
 * kind) makes a concurrent claim of the same email wait for the first transaction, as a duplicate event waits in the
 * idempotent consumer.
 */
@Repository
class JdbcSentEmails implements SentEmails {

    private final JdbcClient jdbc;

    JdbcSentEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(Email email, UUID eventId, Instant at) {
        return jdbc.sql("""
                INSERT INTO sent_email (order_id, kind, recipient, subject, event_id, sent_at)
                VALUES (:orderId, :kind, :recipient, :subject, :eventId, :at)
                ON CONFLICT (order_id, kind) DO NOTHING
                """)
                .param("orderId", email.orderId().value())
                .param("kind", email.kind().name())
                .param("recipient", email.to())
                .param("subject", email.subject())
                .param("eventId", eventId)
                .param("at", utc(at))
                .update() == 1;
    }

    @Override
    public void sent(SentEmail email) {
        int updated = jdbc.sql("UPDATE sent_email SET sent_at = :sentAt WHERE order_id = :orderId AND kind = :kind")
                .param("sentAt", utc(email.sentAt()))
                .param("orderId", email.orderId().value())
                .param("kind", email.kind().name())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("the " + email.kind() + " email of order " + email.orderId()
                    + " was sent without being claimed first");
        }
    }

    @Override
    public List<SentEmail> forOrder(OrderId orderId) {
        return jdbc.sql("""
                SELECT order_id, kind, recipient, subject, sent_at FROM sent_email
                WHERE order_id = :orderId ORDER BY sent_at, kind
                """)
                .param("orderId", orderId.value())
                .query((rs, row) -> new SentEmail(new OrderId(rs.getObject("order_id", UUID.class)),
                        EmailKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"),
                        instant(rs, "sent_at")))
                .list();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
