package dev.eventshop.analytics;

import dev.eventshop.analytics.sales.application.RebuildHook;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the next rebuild just before it switches, for as long as a test needs: the replay has reached the ends it
 * captured, and whatever the test publishes now reaches the new generation through the live consumer alone.
 */
public class RebuildGate implements RebuildHook {

    private static final long TIMEOUT_SECONDS = 60;

    private final AtomicReference<Gate> next = new AtomicReference<>();

    /** Closes the gate for the next rebuild. */
    public Gate close() {
        Gate gate = new Gate();
        next.set(gate);
        return gate;
    }

    @Override
    public void beforeSwitch(long generation) {
        Gate gate = next.getAndSet(null);
        if (gate != null) {
            gate.holdHere(generation);
        }
    }

    /** One held rebuild. */
    public static final class Gate {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile long generation;

        private void holdHere(long generation) {
            this.generation = generation;
            arrived.countDown();
            try {
                if (!opened.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits (bounded) until a rebuild is held here, and returns the generation it built. */
        public long awaitArrival() throws InterruptedException {
            if (!arrived.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("no rebuild reached the gate");
            }
            return generation;
        }

        public void open() {
            opened.countDown();
        }
    }
}
