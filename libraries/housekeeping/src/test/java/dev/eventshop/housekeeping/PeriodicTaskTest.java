package dev.eventshop.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runs_every_interval_from_start_to_stop_and_tries_again_after_a_failure() {
        CountingPurge purge = new CountingPurge(Duration.ofMillis(20));

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
    void runs_first_after_the_initial_delay_not_the_interval() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test-task", Duration.ZERO, Duration.ofHours(1)) {
            @Override
            protected void runOnce() {
                runs.incrementAndGet();
            }
        };

        task.start();
        try {
            await("the first run, at once").atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        } finally {
            task.stop();
        }
    }

    @Test
    void refuses_an_interval_that_is_not_positive_and_a_negative_initial_delay() {
        assertThatThrownBy(() -> new CountingPurge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-purge");
        assertThatThrownBy(() -> new PeriodicTask("test-task", Duration.ofSeconds(-1), Duration.ofSeconds(1)) {
            @Override
            protected void runOnce() {
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay");
    }

    /** Fails its first run, as a purge does while the database is away. */
    private static final class CountingPurge extends ScheduledPurge {

        final AtomicInteger runs = new AtomicInteger();
        volatile String threadName = "";

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
