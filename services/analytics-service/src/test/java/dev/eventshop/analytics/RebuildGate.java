package dev.eventshop.analytics;

import dev.eventshop.analytics.sales.application.Generations;
import dev.eventshop.testsupport.Gate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Holds the next rebuild just before it switches, for as long as a test needs: the replay has reached the ends it
 * captured, and whatever the test publishes now reaches the new generation through the live consumer alone. It does
 * so by wrapping the service's {@link Generations}, test-only: production code has no hook for it.
 */
public class RebuildGate implements BeanPostProcessor {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicReference<Gate<Long>> next = new AtomicReference<>();

    /** Closes the gate for the next rebuild, which hands over the generation it built. */
    public Gate<Long> close() {
        Gate<Long> gate = new Gate<>(TIMEOUT);
        next.set(gate);
        return gate;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Generations generations ? new GatedGenerations(generations) : bean;
    }

    /** The service's generations, with the gate before each switch. */
    private final class GatedGenerations implements Generations {

        private final Generations generations;

        GatedGenerations(Generations generations) {
            this.generations = generations;
        }

        @Override
        public void switchTo(long generation) {
            Gate<Long> gate = next.getAndSet(null);
            if (gate != null) {
                gate.holdHere(generation);
            }
            generations.switchTo(generation);
        }

        @Override
        public long current() {
            return generations.current();
        }

        @Override
        public List<Long> lockWritable() {
            return generations.lockWritable();
        }

        @Override
        public long startNext() {
            return generations.startNext();
        }

        @Override
        public void abandon(long generation) {
            generations.abandon(generation);
        }

        @Override
        public void abandonUnfinished() {
            generations.abandonUnfinished();
        }

        @Override
        public long purgeStale() {
            return generations.purgeStale();
        }

        @Override
        public Optional<Lease> tryLockRebuild() {
            return generations.tryLockRebuild();
        }
    }
}
