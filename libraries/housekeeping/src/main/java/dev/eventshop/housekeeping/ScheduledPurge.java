package dev.eventshop.housekeeping;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A purge of rows past their retention, run every {@code interval} on a daemon thread of its own from the application
 * context's start to its stop. A run that fails is logged and the next one tries again: the rows wait, nothing is lost.
 * A subclass says what one run deletes ({@link #purgeNow}); tests call that directly.
 */
public abstract class ScheduledPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPurge.class);

    private final String name;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name, and the purge's in the log
     * @param interval from the end of one run to the start of the next, and from the start to the first
     */
    protected ScheduledPurge(String name, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the purge interval must be positive, not " + interval);
        }
        this.name = name;
        this.interval = interval;
    }

    /** Deletes what is past its retention now, and logs what went. */
    protected abstract void purgeNow();

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("{} failed, will try again: {}", name, e.getMessage());
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
