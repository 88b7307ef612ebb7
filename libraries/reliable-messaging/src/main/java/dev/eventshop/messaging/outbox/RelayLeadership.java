package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.database.LongTransaction;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exactly one relay per database publishes at a time: each batch's transaction first takes a PostgreSQL advisory
 * lock, so replicas of a service take turns batch by batch and per-key order holds. A relay that dies mid-batch loses
 * the lock with its connection; one stuck inside its transaction loses its session after {@code lockTimeout}.
 */
final class RelayLeadership {

    /** The advisory lock key; advisory locks are per database, and each service has its own database. */
    static final long LOCK_KEY = 0x6576_656e_7473_686fL;

    private final JdbcTemplate jdbc;
    private final Duration lockTimeout;

    RelayLeadership(JdbcTemplate jdbc, Duration lockTimeout) {
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout;
    }

    /** Takes the lock for the current transaction; false when another relay holds it. */
    boolean leadThisTransaction() {
        // A batch waits for the broker's acknowledgements (send-timeout) within its transaction, longer than the
        // database's transaction_timeout for a handler's work allows: the relay's bound is its lock-timeout, the
        // longest the transaction may sit idle while it waits.
        // The batch's select of pending rows gets its plan in the same round trip (PendingRow.PLAN).
        jdbc.execute(LongTransaction.EACH_WAIT_BETWEEN_STATEMENTS.boundedBy(lockTimeout) + "; " + PendingRow.PLAN);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY));
    }
}
