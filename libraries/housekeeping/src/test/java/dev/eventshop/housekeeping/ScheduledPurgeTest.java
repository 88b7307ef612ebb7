package dev.eventshop.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScheduledPurgeTest {

    @Test
    void runs_every_interval_from_start_to_stop_and_tries_again_after_a_failure() {
        CountingPurge purge = new CountingPurge();

        purge.start();
        await("three runs, the first of which failed").atMost(Duration.ofSeconds(10)).until(() -> purge.runs.get() >= 3);
        purge.stop();
        int runs = purge.runs.get();

        assertThat(purge.isRunning()).isFalse();
        assertThat(purge.threadName).isEqualTo("test-purge");
        await("no run after the stop").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> purge.runs.get() <= runs + 1);
    }

    @Test
    void refuses_an_interval_that_is_not_positive() {
        assertThatThrownBy(() -> new CountingPurge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-purge");
    }

    /** Fails its first run, as a purge does while the database is away. */
    private static final class CountingPurge extends ScheduledPurge {

        final AtomicInteger runs = new AtomicInteger();
        volatile String threadName = "";

        CountingPurge() {
            this(Duration.ofMillis(20));
        }

        CountingPurge(Duration interval) {
            super("test-purge", interval);
        }

        @Override
        protected void purgeNow() {
            threadName = Thread.currentThread().getName();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
        }
    }
}
