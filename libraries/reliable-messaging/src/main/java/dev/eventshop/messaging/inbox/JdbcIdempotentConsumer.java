package dev.eventshop.messaging.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processed-event row is inserted with {@code ON CONFLICT DO NOTHING} before the effect runs, in the same
 * transaction. A duplicate inserts nothing and skips the effect without an exception. Two concurrent deliveries of one
 * event block on the same unique key: the second sees the first's row once it commits (or takes over if it rolls
 * back), so exactly one effect commits.
 */
public class JdbcIdempotentConsumer implements IdempotentConsumer {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String defaultConsumer;

    public JdbcIdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transaction, String defaultConsumer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.defaultConsumer = defaultConsumer;
    }

    @Override
    public boolean handleOnce(IncomingEvent<?> event, Runnable effect) {
        return handleOnce(defaultConsumer, event, effect);
    }

    @Override
    public boolean handleOnce(String consumer, IncomingEvent<?> event, Runnable effect) {
        Boolean ran = transaction.execute(status -> {
            if (jdbc.update(CLAIM, consumer, event.id(), event.type().name()) == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
