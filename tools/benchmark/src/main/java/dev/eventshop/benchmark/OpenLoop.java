package dev.eventshop.benchmark;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Open-loop arrivals: calls an action at a fixed rate from one scheduling thread, whatever the system answers, and
 * hands each call the time it was meant to start. Latency measured from that intended time, not from when the request
 * actually went out, is free of coordinated omission: a stall delays the requests behind it, and they count it.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * Runs for {@code duration} at {@code perSecond} calls a second; the action must not block (send asynchronously).
     *
     * @param action gets the intended start, in {@link System#nanoTime()} terms
     * @return how many calls were made
     */
    static long run(double perSecond, Duration duration, LongConsumer action) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + perSecond);
        }
        double interval = 1_000_000_000d / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long calls = 0;
        while (true) {
            long intended = start + Math.round(calls * interval);
            if (intended >= end) {
                return calls;
            }
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            // Behind schedule (a pause here, a slow action): the late calls go out at once, keeping their times.
            action.accept(intended);
            calls++;
        }
    }
}
