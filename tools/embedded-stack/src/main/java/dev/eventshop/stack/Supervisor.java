package dev.eventshop.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Restarts whatever part of the stack exits on its own, as a compose restart policy ({@code restart: unless-stopped})
 * would: each part is looked at twice a second, and one found down is restarted after a delay that doubles with each
 * restart in a row (1 s, 2 s, 4 s, up to 30 s) and is back to 1 s once the part has run for a minute. Every restart
 * is logged. A paused process (SIGSTOP) still runs and is left alone.
 *
 * <p>Close the supervisor before stopping the parts, so that none is restarted while it is being stopped.
 */
public final class Supervisor implements AutoCloseable {

    /**
     * One part as the supervisor sees it.
     *
     * @param isRunning false once it has exited on its own
     * @param restart starts it again after it exited; a failure to start counts as one more exit
     */
    public record Part(String name, BooleanSupplier isRunning, Runnable restart) {

        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(isRunning, "isRunning");
            Objects.requireNonNull(restart, "restart");
        }
    }

    /** How often each part is looked at, and how long restarts wait. */
    record Timing(Duration checkInterval, Duration firstDelay, Duration maxDelay, Duration stableAfter) {

        static final Timing DEFAULT = new Timing(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

        /** The wait before the {@code restartsInARow}th restart in a row (1 for the first). */
        Duration delayBefore(int restartsInARow) {
            Duration delay = firstDelay;
            for (int i = 1; i < restartsInARow && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
        }
    }

    private static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

    private final Timing timing;
    private final Consumer<String> log;
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * Starts watching the parts, which run now.
     *
     * @param log where restarts are told, one line each: {@code order-service exited; restarting it in 2 s (restart 2
     *     in a row)}
     */
    public Supervisor(List<Part> parts, Consumer<String> log) {
        this(parts, log, Timing.DEFAULT);
    }

    Supervisor(List<Part> parts, Consumer<String> log, Timing timing) {
        this.timing = timing;
        this.log = log;
        for (Part part : parts) {
            Thread watcher = Thread.ofPlatform().name("supervise-" + part.name()).daemon()
                    .unstarted(() -> watch(part));
            watchers.add(watcher);
        }
        watchers.forEach(Thread::start);
    }

    private void watch(Part part) {
        int restartsInARow = 0;
        long upSince = System.nanoTime();
        try {
            while (!closed) {
                Thread.sleep(timing.checkInterval());
                if (part.isRunning().getAsBoolean()) {
                    if (System.nanoTime() - upSince >= timing.stableAfter().toNanos()) {
                        restartsInARow = 0;
                    }
                    continue;
                }
                restartsInARow++;
                Duration delay = timing.delayBefore(restartsInARow);
                log.accept(part.name() + " exited; restarting it in " + Banner.seconds(delay) + " (restart "
                        + restartsInARow + " in a row)");
                Thread.sleep(delay);
                if (closed) {
                    return;
                }
                upSince = System.nanoTime();
                try {
                    part.restart().run();
                    log.accept(part.name() + " restarted");
                } catch (RuntimeException e) {
                    log.accept(part.name() + " could not restart: " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            // Closed.
        }
    }

    /** Stops watching; waits for a restart under way to end, so that what it started is there to be stopped. */
    @Override
    public void close() {
        closed = true;
        watchers.forEach(Thread::interrupt);
        for (Thread watcher : watchers) {
            try {
                watcher.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
