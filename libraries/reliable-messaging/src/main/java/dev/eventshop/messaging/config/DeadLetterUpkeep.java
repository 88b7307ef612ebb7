package dev.eventshop.messaging.config;

import dev.eventshop.messaging.deadletters.kafka.DeadLetterRetention;
import dev.eventshop.messaging.deadletters.metrics.DeadLetterDepth;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Once the service runs (its retry and dead-letter topics exist), sets the dead-letter topics' retention, retrying
 * until the broker takes it, and keeps the depth gauge current.
 */
class DeadLetterUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterUpkeep.class);

    private final DeadLetterRetention retention;
    private final DeadLetterDepth depth;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;
    private volatile boolean retentionSet;

    DeadLetterUpkeep(DeadLetterRetention retention, DeadLetterDepth depth, Duration interval) {
        this.retention = retention;
        this.depth = depth;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dead-letter-upkeep")
                .daemon().factory());
        scheduler.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            if (!retentionSet) {
                // none yet: the listener containers create them; try again next time
                retentionSet = !retention.keepForGood().isEmpty();
            }
            depth.refresh();
        } catch (RuntimeException e) {
            log.warn("Dead-letter upkeep failed, will try again in {}: {}", interval, e.getMessage());
        }
    }

    /** After the listener containers: their retry and dead-letter topics exist by then. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
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
