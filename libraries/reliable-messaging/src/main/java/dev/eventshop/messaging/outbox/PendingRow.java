package dev.eventshop.messaging.outbox;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An outbox row waiting to be published: the record exactly as it will be sent, and the trace it belongs to. */
record PendingRow(long id, String eventId, String topic, String key, String payload, Map<String, String> headers,
        @Nullable String traceparent, Instant createdAt) {

    /**
     * Run in the batch's transaction before {@link #SELECT} (in the statement that sets its bound, so it costs no
     * round trip): read the pending rows' index with a plain index scan, never a bitmap scan. A drained backlog leaves
     * an entry in that index for every row it marked, until vacuum. Statistics taken before the drain make the planner
     * choose a bitmap scan, which reads all those entries and their rows' pages again in every batch (6-16 ms a batch
     * after 100,000 rows, on the benchmark's machine, until autovacuum analyzes the table); an index scan marks them
     * dead the first time it passes them and skips them after (0.2 ms).
     */
    static final String PLAN = "SET LOCAL enable_bitmapscan = off";

    /**
     * The oldest rows that may be sent now: not parked, and not behind a rejected row of their key, so a row the
     * broker refused is never overtaken by a later row of its key while rows of other keys flow on.
     */
    static final String SELECT = """
            SELECT id, event_id, topic, record_key, payload::text AS payload, headers::text AS headers, traceparent,
                   created_at
            FROM outbox_event pending
            WHERE published_at IS NULL AND parked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event rejected
                              WHERE rejected.record_key = pending.record_key AND rejected.published_at IS NULL
                                AND rejected.attempts > 0 AND rejected.id < pending.id)
            ORDER BY id
            LIMIT ?
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    static final RowMapper<PendingRow> MAPPER = (rs, rowNum) -> new PendingRow(
            rs.getLong("id"),
            rs.getString("event_id"),
            rs.getString("topic"),
            rs.getString("record_key"),
            rs.getString("payload"),
            JSON.readValue(rs.getString("headers"), HEADERS),
            rs.getString("traceparent"),
            rs.getTimestamp("created_at").toInstant());

    String type() {
        return headers.getOrDefault("ce_type", "");
    }
}
