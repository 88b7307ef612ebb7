package dev.eventshop.web.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes idempotency keys past their retention, and keys left in flight past {@code abandoned-after}, every
 * {@code purge-interval}, on a thread of its own.
 */
public class IdempotencyKeyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeyStore keys;
    private final IdempotencyProperties properties;
    private @Nullable ScheduledExecutorService scheduler;

    IdempotencyKeyPurge(IdempotencyKeyStore keys, IdempotencyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /** Deletes expired and abandoned keys now; returns how many went. */
    public int purge() {
        int purged = keys.purge(properties.retention(), properties.abandonedAfter());
        if (purged > 0) {
            log.info("Purged {} idempotency key(s)", purged);
        }
        return purged;
    }

    @Override
    public synchronized void start() {
        long every = properties.purgeInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("idempotency-key-purge").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purging idempotency keys failed, will try again: {}", e.getMessage());
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
