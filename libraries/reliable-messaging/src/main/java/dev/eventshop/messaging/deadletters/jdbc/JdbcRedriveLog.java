package dev.eventshop.messaging.deadletters.jdbc;

import dev.eventshop.messaging.deadletters.DeadLetterId;
import dev.eventshop.messaging.deadletters.Redrive;
import dev.eventshop.messaging.deadletters.RedriveLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Redrives in the service's {@code dead_letter_redrive} table. */
public class JdbcRedriveLog implements RedriveLog {

    private static final String COLUMNS = "dead_letter_id, event_id, redriven_at, trace_id, idempotency_key, "
            + "remote_address, outcome, target, detail";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcRedriveLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A transaction-scoped advisory lock on the dead letter's id: two replicas asked at once redrive it once. */
    @Override
    public <T> T exclusively(DeadLetterId id, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, id.toString());
            return work.get();
        });
    }

    @Override
    public Optional<Redrive> lastRedriven(DeadLetterId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter_redrive WHERE dead_letter_id = ? "
                + "AND outcome = 'REDRIVEN' ORDER BY redriven_at DESC, id DESC LIMIT 1", JdbcRedriveLog::redrive,
                id.toString()).stream().findFirst();
    }

    @Override
    public Map<DeadLetterId, Redrive> allRedriven() {
        Map<DeadLetterId, Redrive> redrives = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM dead_letter_redrive WHERE outcome = 'REDRIVEN' "
                + "ORDER BY redriven_at, id", JdbcRedriveLog::redrive)
                .forEach(redrive -> redrives.put(redrive.deadLetter(), redrive));
        return redrives;
    }

    @Override
    public void record(Redrive redrive) {
        DeadLetterId id = redrive.deadLetter();
        jdbc.update("INSERT INTO dead_letter_redrive (dead_letter_topic, dead_letter_partition, dead_letter_offset, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id.deadLetterTopic(), id.partition(),
                id.offset(), id.toString(), redrive.eventId(), Timestamp.from(redrive.at()),
                redrive.request().traceId(), redrive.request().idempotencyKey(), redrive.request().remoteAddress(),
                redrive.outcome().name(), redrive.target(), redrive.detail());
    }

    private static Redrive redrive(ResultSet row, int number) throws SQLException {
        return new Redrive(DeadLetterId.parse(row.getString("dead_letter_id")), row.getString("event_id"),
                row.getTimestamp("redriven_at").toInstant(),
                new Redrive.RedriveRequest(row.getString("trace_id"), row.getString("idempotency_key"),
                        row.getString("remote_address")),
                Redrive.Outcome.valueOf(row.getString("outcome")), row.getString("target"), row.getString("detail"));
    }
}
