package dev.eventshop.payment.account.persistence;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.payment.account.application.AccountLedger;
import dev.eventshop.payment.account.application.ConcurrentLedgerUpdateException;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent;
import dev.eventshop.payment.account.domain.AccountSnapshot;
import dev.eventshop.payment.account.domain.LedgerEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger in {@code account_event}, one row per event, never updated or deleted; snapshots in
 * {@code account_snapshot}, every one kept, so that a balance as of an instant starts from the latest one before it. The
 * primary key {@code (account_id, version)} is what makes
 * the slower of two concurrent writers of one account fail instead of overwriting.
 */
@Repository
class JdbcAccountLedger implements AccountLedger {

    /** The layout of {@code account_snapshot} rows this version writes and reads; rows of another are ignored. */
    static final int SNAPSHOT_FORMAT = 1;

    /** Two writers took the same version of one account: the loser decides again. */
    private static final String VERSION_TAKEN = "account_event_pkey";

    private static final String SELECT_EVENTS = """
            SELECT version, event_type, payload, occurred_at FROM account_event
            """;

    private final JdbcClient jdbc;

    JdbcAccountLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> load(CustomerId id) {
        Optional<AccountSnapshot> snapshot = latestSnapshot(id);
        List<LedgerEntry> tail = jdbc.sql(SELECT_EVENTS + """
                 WHERE account_id = :id AND version > :after ORDER BY version
                """)
                .param("id", id.value())
                .param("after", snapshot.map(AccountSnapshot::version).orElse(0L))
                .query(entries(id))
                .list();
        return resume(id, snapshot, tail);
    }

    @Override
    public List<LedgerEntry> history(CustomerId id, long afterVersion, int limit) {
        return jdbc.sql(SELECT_EVENTS + " WHERE account_id = :id AND version > :after ORDER BY version LIMIT :limit")
                .param("id", id.value())
                .param("after", afterVersion)
                .param("limit", limit)
                .query(entries(id))
                .list();
    }

    @Override
    public Optional<Account> loadAsOf(CustomerId id, Instant asOf) {
        // Times never go backwards within an account (see append), so the events until asOf are a prefix of the
        // ledger, and a snapshot whose last event is before asOf holds a prefix of that prefix.
        Optional<AccountSnapshot> snapshot = jdbc.sql("""
                SELECT s.version, s.balance, s.currency FROM account_snapshot s
                JOIN account_event e ON e.account_id = s.account_id AND e.version = s.version
                WHERE s.account_id = :id AND s.format = :format AND e.occurred_at <= :asOf
                ORDER BY s.version DESC LIMIT 1
                """)
                .param("id", id.value())
                .param("format", SNAPSHOT_FORMAT)
                .param("asOf", utc(asOf))
                .query(snapshots(id))
                .optional();
        List<LedgerEntry> tail = jdbc.sql(SELECT_EVENTS + """
                 WHERE account_id = :id AND version > :after AND occurred_at <= :asOf ORDER BY version
                """)
                .param("id", id.value())
                .param("after", snapshot.map(AccountSnapshot::version).orElse(0L))
                .param("asOf", utc(asOf))
                .query(entries(id))
                .list();
        return resume(id, snapshot, tail);
    }

    private static Optional<Account> resume(CustomerId id, Optional<AccountSnapshot> snapshot, List<LedgerEntry> tail) {
        if (snapshot.isPresent()) {
            return Optional.of(Account.resume(snapshot.get(), tail));
        }
        return tail.isEmpty() ? Optional.empty() : Optional.of(Account.replay(id, tail));
    }

    @Override
    public List<LedgerEntry> append(CustomerId id, long expectedVersion, List<AccountEvent> events,
            Instant occurredAt) {
        List<LedgerEntry> appended = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (AccountEvent event : events) {
            version++;
            LedgerCodec.Stored stored = LedgerCodec.encode(event);
            OffsetDateTime recordedAt;
            try {
                // Never before the previous event, even if this writer's clock is behind another's: asOf replays
                // the events up to an instant, and that has to be a prefix of the ledger.
                recordedAt = jdbc.sql("""
                        INSERT INTO account_event (account_id, version, event_type, payload, occurred_at)
                        VALUES (:id, :version, :type, CAST(:payload AS jsonb), GREATEST(:at, (
                            SELECT occurred_at FROM account_event WHERE account_id = :id AND version = :version - 1)))
                        RETURNING occurred_at
                        """)
                        .param("id", id.value())
                        .param("version", version)
                        .param("type", stored.type())
                        .param("payload", stored.payload())
                        .param("at", utc(occurredAt))
                        .query(OffsetDateTime.class)
                        .single();
            } catch (DuplicateKeyException e) {
                if (VERSION_TAKEN.equals(constraint(e))) {
                    throw new ConcurrentLedgerUpdateException(id, expectedVersion, e);
                }
                throw e;
            }
            appended.add(new LedgerEntry(version, recordedAt.toInstant(), event));
        }
        return appended;
    }

    @Override
    public void saveSnapshot(AccountSnapshot snapshot) {
        jdbc.sql("""
                INSERT INTO account_snapshot (account_id, version, format, balance, currency)
                VALUES (:id, :version, :format, :balance, :currency)
                ON CONFLICT (account_id, version) DO UPDATE
                    SET format = EXCLUDED.format, balance = EXCLUDED.balance, currency = EXCLUDED.currency,
                        taken_at = EXCLUDED.taken_at
                    WHERE account_snapshot.format <> EXCLUDED.format
                """)
                .param("id", snapshot.accountId().value())
                .param("version", snapshot.version())
                .param("format", SNAPSHOT_FORMAT)
                .param("balance", snapshot.balance().amount())
                .param("currency", snapshot.balance().currency())
                .update();
    }

    @Override
    public Optional<AccountSnapshot> latestSnapshot(CustomerId id) {
        return jdbc.sql("""
                SELECT version, balance, currency FROM account_snapshot WHERE account_id = :id AND format = :format
                ORDER BY version DESC LIMIT 1
                """)
                .param("id", id.value())
                .param("format", SNAPSHOT_FORMAT)
                .query(snapshots(id))
                .optional();
    }

    private static RowMapper<AccountSnapshot> snapshots(CustomerId id) {
        return (ResultSet rs, int row) -> new AccountSnapshot(id, rs.getLong("version"),
                new Money(rs.getBigDecimal("balance"), rs.getString("currency")));
    }

    private static RowMapper<LedgerEntry> entries(CustomerId id) {
        return (ResultSet rs, int row) -> {
            long version = rs.getLong("version");
            return new LedgerEntry(version, instant(rs, "occurred_at"),
                    LedgerCodec.decode(id, version, rs.getString("event_type"), rs.getString("payload")));
        };
    }

    /** The name of the unique constraint a duplicate key violated, as PostgreSQL reports it. */
    private static String constraint(DuplicateKeyException e) {
        if (e.getMostSpecificCause() instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            if (message != null && message.getConstraint() != null) {
                return message.getConstraint();
            }
        }
        return "";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
