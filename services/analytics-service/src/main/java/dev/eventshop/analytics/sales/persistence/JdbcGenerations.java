package dev.eventshop.analytics.sales.persistence;

import dev.eventshop.analytics.sales.application.Generations;
import dev.eventshop.messaging.database.LongTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Generations in {@code read_model_generation}. Live writers take a shared row lock on the generations they write to
 * ({@code FOR SHARE}); a switch updates those rows, so it waits for writers in flight, and a writer that comes after
 * it sees the new state. The rebuild lock is a session-level advisory lock on a connection of its own, so a process
 * that dies mid-rebuild releases it with its session.
 */
@Repository
class JdbcGenerations implements Generations {

    /** The advisory lock of rebuilds: "analytic" in ASCII, apart from the messaging library's lock. */
    static final long REBUILD_LOCK = 0x616e_616c_7974_6963L;

    private static final Logger log = LoggerFactory.getLogger(JdbcGenerations.class);
    private static final String STALE = "SELECT generation FROM read_model_generation WHERE state IN ('RETIRED', 'ABANDONED')";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    JdbcGenerations(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public long current() {
        return jdbc.sql("SELECT generation FROM read_model_generation WHERE state = 'CURRENT'")
                .query(Long.class)
                .single();
    }

    @Override
    public List<Long> lockWritable() {
        return jdbc.sql("""
                SELECT generation FROM read_model_generation WHERE state IN ('CURRENT', 'BUILDING')
                ORDER BY generation FOR SHARE
                """)
                .query((rs, row) -> rs.getLong("generation"))
                .list();
    }

    @Override
    public long startNext() {
        return jdbc.sql("""
                INSERT INTO read_model_generation (generation, state)
                SELECT max(generation) + 1, 'BUILDING' FROM read_model_generation
                RETURNING generation
                """)
                .query(Long.class)
                .single();
    }

    @Override
    public void switchTo(long generation) {
        jdbc.sql("""
                UPDATE read_model_generation SET state = 'RETIRED', ended_at = clock_timestamp()
                WHERE state = 'CURRENT'
                """)
                .update();
        int switched = jdbc.sql("""
                UPDATE read_model_generation SET state = 'CURRENT', switched_at = clock_timestamp()
                WHERE generation = :generation AND state = 'BUILDING'
                """)
                .param("generation", generation)
                .update();
        if (switched != 1) {
            throw new IllegalStateException("generation " + generation + " is not being built, so cannot serve");
        }
    }

    @Override
    public void abandon(long generation) {
        jdbc.sql("""
                UPDATE read_model_generation SET state = 'ABANDONED', ended_at = clock_timestamp()
                WHERE generation = :generation AND state = 'BUILDING'
                """)
                .param("generation", generation)
                .update();
    }

    @Override
    public void abandonUnfinished() {
        int abandoned = jdbc.sql("""
                UPDATE read_model_generation SET state = 'ABANDONED', ended_at = clock_timestamp()
                WHERE state = 'BUILDING'
                """)
                .update();
        if (abandoned > 0) {
            log.warn("Abandoned a generation left half-built by a rebuild that did not finish");
        }
    }

    @Override
    public long purgeStale() {
        jdbc.sql(LongTransaction.EACH_STATEMENT.boundedBy(PURGE_TIMEOUT)).update();
        long rows = 0;
        // Lines go with their orders (ON DELETE CASCADE), but deleting them first spares the cascade a lookup per row.
        for (String table : List.of("confirmed_line", "order_fact", "product")) {
            rows += jdbc.sql("DELETE FROM " + table + " WHERE generation IN (" + STALE + ")").update();
        }
        return rows;
    }

    @Override
    public Optional<Lease> tryLockRebuild() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("no connection for the rebuild lock", e);
        }
        try {
            connection.setAutoCommit(true);
            if (advisory(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.of(() -> release(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("could not take the rebuild lock", e);
        }
    }

    private static void release(Connection connection) {
        try {
            advisory(connection, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            // The connection is broken, so its session, and the lock with it, is gone already.
            log.warn("Could not release the rebuild lock: {}", e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, REBUILD_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not close the rebuild lock's connection: {}", e.getMessage());
        }
    }
}
