package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemLoadTest {

    @Test
    void lists_only_the_busiest_threads_of_processes_with_several_per_order() {
        Map<String, Map<String, Long>> before = Map.of("Kafka", Map.of("a", 100L, "b", 100L),
                "PostgreSQL", Map.of("postgres", 0L));
        Map<String, Map<String, Long>> after = Map.of(
                "Kafka", Map.of("a", 300L, "b", 1100L, "c", 10L, "d", 0L, "e", 40L, "f", 50L, "g", 60L),
                "PostgreSQL", Map.of("postgres", 500L));

        Map<String, Map<String, Double>> busiest = SystemLoad.busiestThreads(before, after, 10);

        assertThat(busiest).containsOnlyKeys("Kafka");
        assertThat(busiest.get("Kafka")).containsExactly(Map.entry("b", 100.0), Map.entry("a", 20.0),
                Map.entry("g", 6.0), Map.entry("f", 5.0), Map.entry("e", 4.0));
    }
}
