package dev.eventshop.messaging.outbox;

import java.time.Duration;

/** Exponential backoff between failed attempts; a pause ends early when the thread is interrupted. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    void reset() {
        next = initial;
    }

    void pause() throws InterruptedException {
        Thread.sleep(next);
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
    }
}
