package dev.eventshop.messaging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.MalformedEventException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

class InfrastructureFailuresTest {

    /** What JdbcTemplate throws for PostgreSQL: the translator it uses by default. */
    private static final SQLExceptionTranslator POSTGRES = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

    static Stream<Arguments> infrastructure_failures() {
        return Stream.of(
                Arguments.of("the pool found no connection in time", new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))),
                Arguments.of("the server refused the connection", new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new PSQLException("Connection refused",
                                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")))),
                Arguments.of("the connection broke mid-statement", translated("08006", "An I/O error occurred")),
                Arguments.of("the server was shut down under the statement",
                        translated("57P01", "terminating connection due to administrator command")),
                Arguments.of("the server is starting", translated("57P03", "the database system is starting up")),
                Arguments.of("statement_timeout cancelled the statement",
                        translated("57014", "canceling statement due to statement timeout")),
                Arguments.of("lock_timeout gave up on a lock",
                        translated("55P03", "canceling statement due to lock timeout")),
                Arguments.of("transaction_timeout ended the session",
                        uncategorized("25P04", "terminating connection due to transaction timeout")),
                Arguments.of("idle_in_transaction_session_timeout ended the session",
                        uncategorized("25P03", "terminating connection due to idle-in-transaction timeout")),
                Arguments.of("a deadlock chose this transaction", translated("40P01", "deadlock detected")),
                Arguments.of("the commit lost its connection", new TransactionSystemException(
                        "Could not commit JDBC transaction", new SQLException("An I/O error occurred", "08006"))),
                Arguments.of("the rollback found the pool had closed the broken connection",
                        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))),
                Arguments.of("the transaction ran out of time",
                        new TransactionTimedOutException("Transaction timed out: deadline was yesterday")),
                Arguments.of("the broker did not answer a send", new KafkaException("Send failed",
                        new TimeoutException("Topic order-events not present in metadata after 60000 ms"))),
                Arguments.of("the handler's SMTP server could not be reached", new IllegalStateException(
                        "Could not send", new DependencyUnavailableException("the SMTP server is unavailable",
                                new ConnectException("Connection refused")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructure_failures")
    void a_dependency_that_failed_anywhere_in_the_cause_chain_is_an_infrastructure_failure(String when,
            Exception failure) {
        Exception thrown = new ListenerExecutionFailedException("Listener method threw", failure);

        assertThat(InfrastructureFailures.isInfrastructureFailure(thrown)).isTrue();
        assertThat(InfrastructureFailures.dependencyFailureIn(thrown)).as("the failure the log names")
                .hasValueSatisfying(cause -> assertThat(cause).isNotInstanceOf(ListenerExecutionFailedException.class));
    }

    static Stream<Arguments> record_failures() {
        return Stream.of(
                Arguments.of("the handler broke a business rule",
                        new IllegalStateException("order is already confirmed")),
                Arguments.of("the record is not an event we know", new MalformedEventException("unknown ce_type")),
                Arguments.of("the record breaks a constraint", translated("23505", "duplicate key value")),
                Arguments.of("the statement is wrong", translated("42P01", "relation \"nowhere\" does not exist")),
                Arguments.of("the record is too large to publish",
                        new KafkaException("Send failed", new RecordTooLargeException("too large"))),
                Arguments.of("an SQLException without a state", new SQLException("something")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("record_failures")
    void anything_else_is_a_failure_of_the_record(String when, Exception failure) {
        Exception thrown = new ListenerExecutionFailedException("Listener method threw", failure);

        assertThat(InfrastructureFailures.isInfrastructureFailure(thrown)).isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(InfrastructureFailures.isInfrastructureFailure(second)).isFalse();
    }

    /** What JdbcTemplate throws for a state Spring has no translation for. */
    private static Exception uncategorized(String sqlState, String message) {
        return new UncategorizedSQLException("handling an event", "SELECT pg_sleep(4)",
                new SQLException(message, sqlState));
    }

    private static Exception translated(String sqlState, String message) {
        Exception translated = POSTGRES.translate("handling an event", "UPDATE product SET reserved = reserved + 1",
                new SQLException(message, sqlState));
        assertThat(translated).as("Spring translates SQLState " + sqlState).isNotNull();
        return translated;
    }
}
