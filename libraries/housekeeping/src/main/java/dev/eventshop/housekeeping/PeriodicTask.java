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
 * Work done again and again while the application context runs: every {@code interval} on a daemon thread of its own,
 * from the context's start to its stop. A run that fails is logged and the next one tries again, so a database or
 * broker that is away only delays the work. A subclass says what one run does ({@link #runOnce}); tests call that
 * directly instead of waiting for the thread.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name, and the task's in the log
     * @param initialDelay from the start to the first run
     * @param interval from the end of one run to the start of the next
     */
    protected PeriodicTask(String name, Duration initialDelay, Duration interval) {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException(name + ": the initial delay must not be negative: " + initialDelay);
        }
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    /** One run of the work. */
    protected abstract void runOnce();

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed, will try again in {}: {}", name, interval, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(this::runQuietly, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
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
