package dev.eventshop.messaging;

import dev.eventshop.messaging.config.MessagingProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purges what the library no longer needs: published outbox rows past their retention, and processed-event rows past
 * theirs (a redelivery older than that would be processed again, so keep it longer than any topic replay you run).
 */
public class MessagingHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessagingHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService scheduler;

    public MessagingHousekeeping(JdbcTemplate jdbc, MessagingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes expired rows now; returns how many outbox and processed-event rows went. */
    public int[] purge() {
        Instant now = clock.instant();
        int outbox = jdbc.update("DELETE FROM outbox_event WHERE published_at < ?",
                Timestamp.from(now.minus(properties.relay().retention())));
        int processed = jdbc.update("DELETE FROM processed_event WHERE processed_at < ?",
                Timestamp.from(now.minus(properties.inbox().retention())));
        if (outbox + processed > 0) {
            log.info("Purged {} published outbox rows and {} processed-event rows", outbox, processed);
        }
        return new int[] {outbox, processed};
    }

    @Override
    public synchronized void start() {
        long every = properties.inbox().purgeInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("messaging-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purge failed, will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
