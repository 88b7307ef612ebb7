package dev.eventshop.analytics;

import dev.eventshop.analytics.sales.application.RebuildHook;
import dev.eventshop.testsupport.Gate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the next rebuild just before it switches, for as long as a test needs: the replay has reached the ends it
 * captured, and whatever the test publishes now reaches the new generation through the live consumer alone.
 */
public class RebuildGate implements RebuildHook {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicReference<Gate<Long>> next = new AtomicReference<>();

    /** Closes the gate for the next rebuild, which hands over the generation it built. */
    public Gate<Long> close() {
        Gate<Long> gate = new Gate<>(TIMEOUT);
        next.set(gate);
        return gate;
    }

    @Override
    public void beforeSwitch(long generation) {
        Gate<Long> gate = next.getAndSet(null);
        if (gate != null) {
            gate.holdHere(generation);
        }
    }
}
