package dev.eventshop.order.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in {@code idempotency_key}. The primary key makes claiming atomic: of two requests that claim the
 * same key at once, exactly one inserts the row.
 */
@Repository
class IdempotencyKeyStore {

    private final JdbcClient jdbc;

    IdempotencyKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the key as in flight; {@code false} when a row for it already exists. */
    boolean claim(IdempotencyKey key, String fingerprint) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (idempotency_key, fingerprint, status)
                VALUES (:key, :fingerprint, 'IN_FLIGHT')
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("key", key.value())
                .param("fingerprint", fingerprint)
                .update() == 1;
    }

    Optional<Entry> find(IdempotencyKey key) {
        return jdbc.sql("""
                SELECT fingerprint, status, response_status, response_location, response_body FROM idempotency_key
                WHERE idempotency_key = :key
                """)
                .param("key", key.value())
                .query((rs, row) -> new Entry(rs.getString("fingerprint"), "COMPLETED".equals(rs.getString("status"))
                        ? new StoredResponse(rs.getInt("response_status"), rs.getString("response_location"),
                                rs.getString("response_body"))
                        : null))
                .optional();
    }

    /** Stores the response with the key, in the transaction of the work that produced it. */
    boolean complete(IdempotencyKey key, StoredResponse response) {
        return jdbc.sql("""
                UPDATE idempotency_key
                SET status = 'COMPLETED', response_status = :status, response_location = :location,
                    response_body = :body, completed_at = clock_timestamp()
                WHERE idempotency_key = :key AND status = 'IN_FLIGHT'
                """)
                .param("key", key.value())
                .param("status", response.status())
                .param("location", response.location())
                .param("body", response.body())
                .update() == 1;
    }

    /** Lets the key go after its work failed, so that a retry starts afresh. */
    void release(IdempotencyKey key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = :key AND status = 'IN_FLIGHT'")
                .param("key", key.value())
                .update();
    }

    /** Deletes keys older than {@code retention}, and keys in flight for longer than {@code abandonedAfter}. */
    int purge(Duration retention, Duration abandonedAfter) {
        return jdbc.sql("""
                DELETE FROM idempotency_key
                WHERE created_at < clock_timestamp() - make_interval(secs => :retention)
                   OR (status = 'IN_FLIGHT' AND created_at < clock_timestamp() - make_interval(secs => :abandoned))
                """)
                .param("retention", retention.toSeconds())
                .param("abandoned", abandonedAfter.toSeconds())
                .update();
    }

    /**
     * A key's row.
     *
     * @param response the stored response, or null while the key's request is in flight
     */
    record Entry(String fingerprint, @Nullable StoredResponse response) {
    }
}
