package dev.eventshop.web.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys in {@code idempotency_key}. The primary key makes claiming atomic: of two requests that claim the
 * same key at once, exactly one inserts the row. Each claim carries a token of its own, so that a request completes or
 * releases only the row it inserted, never the row of a request that claimed the key again after a purge.
 */
class IdempotencyKeyStore {

    private final JdbcClient jdbc;

    IdempotencyKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the key as in flight; empty when a row for it already exists. */
    Optional<Claim> claim(IdempotencyKey key, String fingerprint) {
        Claim claim = new Claim(key, UUID.randomUUID());
        int inserted = jdbc.sql("""
                INSERT INTO idempotency_key (idempotency_key, fingerprint, status, claim)
                VALUES (:key, :fingerprint, 'IN_FLIGHT', :claim)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("key", key.value())
                .param("fingerprint", fingerprint)
                .param("claim", claim.token())
                .update();
        return inserted == 1 ? Optional.of(claim) : Optional.empty();
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

    /**
     * Stores the answer with the key, in the transaction of the work that produced it; {@code false} when the claim's
     * row is gone (purged as abandoned) or belongs to a later claim.
     */
    boolean complete(Claim claim, StoredResponse response) {
        return jdbc.sql("""
                UPDATE idempotency_key
                SET status = 'COMPLETED', response_status = :status, response_location = :location,
                    response_body = :body, completed_at = clock_timestamp()
                WHERE idempotency_key = :key AND claim = :claim AND status = 'IN_FLIGHT'
                """)
                .param("key", claim.key().value())
                .param("claim", claim.token())
                .param("status", response.status())
                .param("location", response.location())
                .param("body", response.body())
                .update() == 1;
    }

    /** Lets the key go after its work failed, so that a retry starts afresh. */
    void release(Claim claim) {
        jdbc.sql("""
                DELETE FROM idempotency_key WHERE idempotency_key = :key AND claim = :claim AND status = 'IN_FLIGHT'
                """)
                .param("key", claim.key().value())
                .param("claim", claim.token())
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

    /** A request's hold on a key: the key, and the token of the row this request inserted for it. */
    record Claim(IdempotencyKey key, UUID token) {
    }

    /**
     * A key's row.
     *
     * @param response the stored answer, or null while the key's request is in flight
     */
    record Entry(String fingerprint, @Nullable StoredResponse response) {
    }
}
