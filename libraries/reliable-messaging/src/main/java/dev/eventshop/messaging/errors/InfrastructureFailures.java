package dev.eventshop.messaging.errors;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a failure of the infrastructure from a failure of the record. A handler that could not reach its database or
 * broker (or another dependency it needs, see {@link DependencyUnavailableException}), or ran out of time waiting for
 * it, failed through no fault of the record: the same record succeeds once the dependency is back, and every record
 * after it would fail the same way meanwhile. Such a failure is retried in place ({@link InPlaceRetries}). Anything
 * else is the record's own failure (it cannot be read, breaks a rule, hits a bug) and goes through the retry topics to
 * the dead-letter topic.
 *
 * <p>A failure is the infrastructure's when anything in its cause chain is:
 * <ul>
 * <li>Spring's {@link TransientDataAccessException} (timeouts, lock and serialization failures, deadlocks),
 * {@link DataAccessResourceFailureException} (no connection), {@link CannotCreateTransactionException},
 * {@link TransactionTimedOutException} or {@link TransactionSystemException} (a commit or rollback that failed);</li>
 * <li>JDBC's {@link SQLTransientException} (the pool's connection timeout among them) or
 * {@link SQLRecoverableException};</li>
 * <li>an {@link SQLException} with a PostgreSQL state of a lost or refused connection (class {@code 08}), a server
 * shutting down or restarting ({@code 57P01} to {@code 57P03}), too many connections ({@code 53300}), a cancelled
 * statement ({@code 57014}, as {@code statement_timeout} does), a lock not granted in time ({@code 55P03}) or a
 * session ended by {@code transaction_timeout} or {@code idle_in_transaction_session_timeout} ({@code 25P04},
 * {@code 25P03});</li>
 * <li>a Kafka {@link RetriableException} (a timeout, no leader, a network error) from a broker the handler
 * publishes to;</li>
 * <li>a {@link DependencyUnavailableException}, by which a handler says another dependency (an SMTP server) is
 * away.</li>
 * </ul>
 */
public final class InfrastructureFailures {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03",
            "25P03", "25P04");

    private InfrastructureFailures() {
    }

    /** Whether the failure is the infrastructure's rather than the record's. */
    public static boolean isInfrastructureFailure(Throwable failure) {
        return dependencyFailureIn(failure).isPresent();
    }

    /** The exception in the cause chain that shows a dependency failed, if there is one. */
    public static Optional<Throwable> dependencyFailureIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (@Nullable Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isDependencyFailure(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private static boolean isDependencyFailure(Throwable cause) {
        return switch (cause) {
            case TransientDataAccessException ignored -> true;
            case DataAccessResourceFailureException ignored -> true;
            case CannotCreateTransactionException ignored -> true;
            case TransactionTimedOutException ignored -> true;
            // A commit or rollback that failed is the database's failure, whatever its cause says: once the pool has
            // closed a broken connection, Hikari's rollback throws an SQLException with no state at all.
            case TransactionSystemException ignored -> true;
            case SQLTransientException ignored -> true;
            case SQLRecoverableException ignored -> true;
            case SQLException sql -> isUnavailable(sql.getSQLState());
            case RetriableException ignored -> true;
            case DependencyUnavailableException ignored -> true;
            default -> false;
        };
    }

    private static boolean isUnavailable(@Nullable String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }
}
