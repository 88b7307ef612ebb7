package dev.eventshop.email.notification.persistence;

import static dev.eventshop.email.notification.persistence.JdbcSentEmails.instant;
import static dev.eventshop.email.notification.persistence.JdbcSentEmails.utc;

import dev.eventshop.email.notification.application.EmailAttempts;
import dev.eventshop.email.notification.domain.EmailKind;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attempts in {@code email_attempt}. {@link #begin} and {@link #notDelivered} commit in transactions of their own
 * (on a second connection while the caller's transaction holds the first), so that what they write survives whatever
 * happens to the caller's transaction.
 */
@Repository
class JdbcEmailAttempts implements EmailAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcEmailAttempts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Attempt begin(OrderId orderId, EmailKind kind, UUID eventId, Instant at) {
        return Objects.requireNonNull(ownTransaction.execute(status -> {
            List<EarlierAttempt> unresolved = jdbc.sql("""
                    SELECT event_id, attempted_at FROM email_attempt
                    WHERE order_id = :orderId AND kind = :kind AND not_delivered_reason IS NULL
                    ORDER BY id
                    """)
                    .param("orderId", orderId.value())
                    .param("kind", kind.name())
                    .query((rs, row) -> new EarlierAttempt(rs.getObject("event_id", UUID.class),
                            instant(rs, "attempted_at")))
                    .list();
            long id = jdbc.sql("""
                    INSERT INTO email_attempt (order_id, kind, event_id, attempted_at)
                    VALUES (:orderId, :kind, :eventId, :at)
                    RETURNING id
                    """)
                    .param("orderId", orderId.value())
                    .param("kind", kind.name())
                    .param("eventId", eventId)
                    .param("at", utc(at))
                    .query(Long.class)
                    .single();
            return new Attempt(id, unresolved);
        }));
    }

    @Override
    public void notDelivered(Attempt attempt, String reason) {
        ownTransaction.executeWithoutResult(status -> jdbc
                .sql("UPDATE email_attempt SET not_delivered_reason = :reason WHERE id = :id")
                .param("reason", reason)
                .param("id", attempt.id())
                .update());
    }

    @Override
    public void clear(OrderId orderId, EmailKind kind) {
        jdbc.sql("DELETE FROM email_attempt WHERE order_id = :orderId AND kind = :kind")
                .param("orderId", orderId.value())
                .param("kind", kind.name())
                .update();
    }

    @Override
    public int purgeGivenUp(Instant lastAttemptBefore) {
        // A sent email's attempts are gone already (clear), so every row here is of an email not sent.
        return jdbc.sql("""
                DELETE FROM email_attempt attempt
                WHERE attempt.attempted_at < :before
                  AND NOT EXISTS (SELECT 1 FROM email_attempt later
                                  WHERE later.order_id = attempt.order_id AND later.kind = attempt.kind
                                    AND later.attempted_at >= :before)
                """)
                .param("before", utc(lastAttemptBefore))
                .update();
    }
}
