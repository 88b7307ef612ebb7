package dev.eventshop.messaging.outbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox rows the broker rejected for good, parked so they do not stall the outbox. A parked row keeps its place: the
 * later rows of its key wait behind it, so the key's order holds once it is released. Releasing a row (after fixing
 * what the broker refused: the topic's size limit, an ACL, the topic itself) gives it {@code max-attempts} new sends.
 */
public class ParkedRows {

    /** The most rows {@link #list()} returns; parked rows are rare, and the count says how many there are. */
    static final int LIST_LIMIT = 500;
    private static final int ERROR_LENGTH = 2_000;

    private final JdbcTemplate jdbc;

    public ParkedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Parked rows, oldest first, each with how many rows of its key wait behind it. */
    public List<ParkedRow> list() {
        return jdbc.query("""
                SELECT parked.id, parked.event_id, parked.topic, parked.record_key, parked.event_type, parked.attempts,
                       parked.last_error, parked.created_at, parked.parked_at,
                       (SELECT count(*) FROM outbox_event behind
                        WHERE behind.record_key = parked.record_key AND behind.published_at IS NULL
                          AND behind.id > parked.id) AS waiting
                FROM outbox_event parked
                WHERE parked.parked_at IS NOT NULL AND parked.published_at IS NULL
                ORDER BY parked.id
                LIMIT ?
                """, (rs, rowNum) -> new ParkedRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                rs.getString("record_key"), rs.getString("event_type"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("parked_at").toInstant(), rs.getLong("waiting")), LIST_LIMIT);
    }

    public long count() {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND published_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Puts a parked row back in line with fresh attempts and wakes the relay; its last error stays until it is sent.
     *
     * @return false when no parked row has this id
     */
    public boolean release(long id) {
        int released = jdbc.update("""
                UPDATE outbox_event SET parked_at = NULL, attempts = 0
                WHERE id = ? AND parked_at IS NOT NULL AND published_at IS NULL
                """, id);
        if (released == 0) {
            return false;
        }
        jdbc.execute("NOTIFY outbox_event");
        return true;
    }

    /**
     * Counts one rejection of {@code row}, in the relay's batch transaction, and parks the row once it has had
     * {@code maxAttempts}.
     */
    Rejection reject(PendingRow row, Throwable error, int maxAttempts) {
        String message = error.toString();
        String lastError = message.length() > ERROR_LENGTH ? message.substring(0, ERROR_LENGTH) : message;
        Rejection rejection = jdbc.queryForObject("""
                UPDATE outbox_event
                SET attempts = attempts + 1, last_error = ?,
                    parked_at = CASE WHEN attempts + 1 >= ? THEN clock_timestamp() END
                WHERE id = ?
                RETURNING attempts, parked_at IS NOT NULL AS parked
                """, (rs, rowNum) -> new Rejection(rs.getInt("attempts"), rs.getBoolean("parked")), lastError,
                maxAttempts, row.id());
        if (rejection == null) {
            throw new IllegalStateException("outbox row " + row.id() + " vanished inside its batch");
        }
        return rejection;
    }

    /** A parked row as operators see it; its payload stays in the table. */
    public record ParkedRow(long id, String eventId, String topic, String key, String type, int attempts,
            @Nullable String lastError, Instant createdAt, Instant parkedAt, long waitingBehind) {
    }

    /** How often a row has been rejected now, and whether that parked it. */
    record Rejection(int attempts, boolean parked) {
    }
}
