package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    private static final Supervisor.Timing QUICK = new Supervisor.Timing(Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(80), Duration.ofMinutes(1));

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void restarts_wait_twice_as_long_each_time_in_a_row_up_to_thirty_seconds() {
        Supervisor.Timing timing = Supervisor.Timing.DEFAULT;

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 100).stream().map(timing::delayBefore).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void a_part_that_exits_is_restarted_and_the_restart_is_logged() {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger restarts = new AtomicInteger();
        try (Supervisor ignored = new Supervisor(List.of(new Supervisor.Part("kafka", running::get, () -> {
            restarts.incrementAndGet();
            running.set(true);
        })), log::add, QUICK)) {
            running.set(false);

            await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("kafka restarted"));
            assertThat(restarts).hasValue(1);
            assertThat(log).containsExactly("kafka exited; restarting it in 0.0 s (restart 1 in a row)",
                    "kafka restarted");
        }
    }

    @Test
    void a_part_that_keeps_failing_to_start_is_tried_again_ever_later() {
        AtomicInteger restarts = new AtomicInteger();
        try (Supervisor ignored = new Supervisor(List.of(new Supervisor.Part("postgres", () -> false, () -> {
            restarts.incrementAndGet();
            throw new StartupFailedException("postgres did not start", List.of());
        })), log::add, QUICK)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> restarts.get() >= 3);
        }

        assertThat(log).startsWith("postgres exited; restarting it in 0.0 s (restart 1 in a row)",
                "postgres could not restart: postgres did not start",
                "postgres exited; restarting it in 0.0 s (restart 2 in a row)",
                "postgres could not restart: postgres did not start",
                "postgres exited; restarting it in 0.1 s (restart 3 in a row)");
    }

    @Test
    void nothing_is_restarted_once_the_supervisor_is_closed() {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger restarts = new AtomicInteger();
        Supervisor supervisor = new Supervisor(List.of(new Supervisor.Part("order-service", running::get,
                restarts::incrementAndGet)), log::add, QUICK);

        supervisor.close();
        running.set(false);

        // Twenty check intervals, each of which would have restarted it: nothing happens in any of them.
        await().during(QUICK.checkInterval().multipliedBy(20)).atMost(QUICK.checkInterval().multipliedBy(40))
                .until(() -> restarts.get() == 0 && log.isEmpty());
    }
}
