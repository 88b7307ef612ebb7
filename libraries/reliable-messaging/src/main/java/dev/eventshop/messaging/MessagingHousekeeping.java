package dev.eventshop.messaging;

import dev.eventshop.housekeeping.ScheduledPurge;
import dev.eventshop.messaging.config.MessagingProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purges what the library no longer needs: published outbox rows past their retention, and processed-event rows past
 * theirs (a redelivery older than that would be processed again, so keep it longer than any topic replay you run).
 */
public class MessagingHousekeeping extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(MessagingHousekeeping.class);

    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;
    private final Clock clock;

    public MessagingHousekeeping(JdbcTemplate jdbc, MessagingProperties properties, Clock clock) {
        super("messaging-housekeeping", properties.inbox().purgeInterval());
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes expired rows now; returns how many outbox and processed-event rows went. */
    public int[] purge() {
        Instant now = clock.instant();
        int outbox = inBatches("""
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE published_at < ? LIMIT ?)""",
                Timestamp.from(now.minus(properties.relay().retention())));
        int processed = inBatches("""
                DELETE FROM processed_event WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM processed_event WHERE processed_at < ? LIMIT ?)""",
                Timestamp.from(now.minus(properties.inbox().retention())));
        if (outbox + processed > 0) {
            log.info("Purged {} published outbox rows and {} processed-event rows", outbox, processed);
        }
        return new int[] {outbox, processed};
    }

    // Every statement is bounded by the pool's statement_timeout; a day's backlog of rows deleted in one statement
    // could exceed it and never go. Batches of a bounded size each finish well within it.
    private int inBatches(String delete, Timestamp before) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    protected void purgeNow() {
        purge();
    }
}
