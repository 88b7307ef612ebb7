package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventshop.messaging.database.LongTransaction;
import dev.eventshop.messaging.errors.InfrastructureFailures;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The library's defaults bound every unit of work, so a slow database fails it in seconds instead of holding it. */
@MessagingTestContext
class UnitOfWorkBoundsIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceTransactionManager transactions;
    @Autowired
    KafkaProperties kafka;

    @Test
    void a_statement_running_past_the_statement_timeout_is_cut_off_as_an_infrastructure_failure() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> jdbc.execute("SELECT pg_sleep(30)"))
                .isInstanceOf(DataAccessException.class)
                .hasRootCauseMessage("ERROR: canceling statement due to statement timeout")
                .satisfies(failure -> assertThat(InfrastructureFailures.isInfrastructureFailure(failure)).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    @Test
    void a_transaction_running_past_the_transaction_timeout_is_cut_off_by_the_database_as_an_infrastructure_failure() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long started = System.nanoTime();

        // Each statement stays within the statement timeout; together they outlast the transaction's 10 s.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 4; i++) {
                jdbc.execute("SELECT pg_sleep(4)");
            }
        })).satisfies(failure -> assertThat(InfrastructureFailures.isInfrastructureFailure(failure))
                .as("%s is the infrastructure's failure", failure).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(10),
                Duration.ofSeconds(15));
    }

    @Test
    void work_long_on_purpose_lifts_the_transaction_timeout_for_its_own_transaction_only() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Integer done = transaction.execute(status -> {
            jdbc.execute(LongTransaction.EACH_STATEMENT.boundedBy(Duration.ofSeconds(5)));
            for (int i = 0; i < 3; i++) {
                jdbc.execute("SELECT pg_sleep(4)");
            }
            return 3;
        });

        assertThat(done).isEqualTo(3);
        assertThat(jdbc.queryForObject("SHOW transaction_timeout", String.class)).as("the next transaction's")
                .isEqualTo("10s");
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).as("the next transaction's")
                .isEqualTo("5s");
    }

    @Test
    void every_connection_statement_and_transaction_has_a_bound_and_a_poll_fits_within_the_poll_interval() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("5s");
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("3s");
        assertThat(jdbc.queryForObject("SHOW transaction_timeout", String.class)).isEqualTo("10s");
        assertThat(((HikariDataSource) dataSource).getConnectionTimeout()).isEqualTo(3_000);
        assertThat(transactions.getDefaultTimeout()).as("no client-side timeout: a timer task per statement")
                .isEqualTo(TransactionDefinition.TIMEOUT_DEFAULT);

        var consumer = kafka.buildConsumerProperties();
        int records = (Integer) consumer.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        int pollInterval = (Integer) consumer.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        assertThat(records * 10_000L).as("a poll's work at worst").isLessThan(pollInterval);
    }
}
