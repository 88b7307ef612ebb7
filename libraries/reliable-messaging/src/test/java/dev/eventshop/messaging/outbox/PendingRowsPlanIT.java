package dev.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.messaging.MessagingTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's select of pending rows after a drained backlog, with the statistics PostgreSQL had before it drained:
 * the case where the planner, left alone, re-reads every row the drain marked in every batch.
 */
@MessagingTestContext
class PendingRowsPlanIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSourceTransactionManager transactions;

    @Test
    void the_relay_reads_the_pending_rows_index_with_an_index_scan_even_on_statistics_older_than_a_drained_backlog() {
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            // A temporary table of the outbox's shape hides the real one in this transaction's session, and autovacuum
            // never analyzes it: its statistics stay what they were before the rows were marked.
            jdbc.execute("CREATE TEMPORARY TABLE outbox_event (LIKE public.outbox_event INCLUDING ALL) ON COMMIT DROP");
            jdbc.update("""
                    INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, headers)
                    SELECT gen_random_uuid(), 'email-events', 'key-' || (n % 100), 'EmailSent', '{}', '{}'
                    FROM generate_series(1, 2000) AS n""");
            jdbc.update("UPDATE outbox_event SET published_at = clock_timestamp()");
            jdbc.update("""
                    INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, headers)
                    VALUES (gen_random_uuid(), 'email-events', 'key-1', 'EmailSent', '{}', '{}')""");

            jdbc.execute(PendingRow.PLAN);
            return jdbc.queryForList("EXPLAIN " + PendingRow.SELECT, String.class, 1000);
        });

        assertThat(plan)
                .as("the plan of the relay's select")
                .noneMatch(line -> line.contains("Bitmap"))
                .anyMatch(line -> line.matches(".*Index Scan using \\S+ on outbox_event pending .*"));
    }
}
