package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void hands_out_intended_times_one_interval_apart_whatever_the_action_costs() {
        List<Long> intended = new ArrayList<>();
        long calls = OpenLoop.run(100, Duration.ofMillis(200), time -> {
            intended.add(time);
            if (intended.size() == 3) {
                // A stall: the calls behind it go out late, but keep the times they were meant for.
                SystemLoad.sleep(Duration.ofMillis(50));
            }
        });
        assertThat(calls).isEqualTo(20);
        for (int i = 1; i < intended.size(); i++) {
            assertThat(intended.get(i) - intended.get(i - 1)).isEqualTo(10_000_000L);
        }
    }
}
