package dev.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.web.idempotency.IdempotencyKeyPurge;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The purge of idempotency keys, on the order-service's table (created by its V3 before the library took it over). */
class IdempotencyKeyPurgeIT extends IntegrationTest {

    @Autowired
    IdempotencyKeyPurge purge;

    @Test
    void keeps_keys_for_24_hours_and_abandoned_in_flight_keys_for_10_minutes() {
        insertKey("purge-completed-23h", "COMPLETED", "23 hours");
        insertKey("purge-completed-25h", "COMPLETED", "25 hours");
        insertKey("purge-in-flight-1m", "IN_FLIGHT", "1 minute");
        insertKey("purge-in-flight-11m", "IN_FLIGHT", "11 minutes");

        purge.purge();

        assertThat(jdbc.sql("SELECT idempotency_key FROM idempotency_key WHERE idempotency_key LIKE 'purge-%'")
                .query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(List.of("purge-completed-23h", "purge-in-flight-1m"));
    }

    private void insertKey(String key, String status, String age) {
        boolean completed = status.equals("COMPLETED");
        jdbc.sql("""
                INSERT INTO idempotency_key (idempotency_key, fingerprint, status, response_status, response_body,
                                             created_at, completed_at)
                VALUES (:key, 'f', :status, :responseStatus, :body, now() - CAST(:age AS interval),
                        CASE WHEN :completed THEN now() END)
                """)
                .param("key", key)
                .param("status", status)
                .param("responseStatus", completed ? 202 : null)
                .param("body", completed ? "{}" : null)
                .param("age", age)
                .param("completed", completed)
                .update();
    }
}
