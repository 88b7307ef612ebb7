package dev.eventshop.housekeeping;

import java.time.Duration;

/**
 * A purge of rows past their retention, run every {@code interval} ({@link PeriodicTask}). A run that fails leaves the
 * rows for the next one: nothing is lost. A subclass says what one run deletes ({@link #purgeNow}); tests call that
 * directly.
 */
public abstract class ScheduledPurge extends PeriodicTask {

    /**
     * @param name the thread's name, and the purge's in the log
     * @param interval from the end of one run to the start of the next, and from the start to the first
     */
    protected ScheduledPurge(String name, Duration interval) {
        super(name, interval, interval);
    }

    /** Deletes what is past its retention now, and logs what went. */
    protected abstract void purgeNow();

    @Override
    protected final void runOnce() {
        purgeNow();
    }
}
