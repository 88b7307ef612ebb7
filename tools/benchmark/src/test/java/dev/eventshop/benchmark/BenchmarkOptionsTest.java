package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void no_option_is_a_full_run_into_target_benchmark() {
        Benchmark.Options options = Benchmark.Options.parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.probing()).isFalse();
        assertThat(options.out()).isEqualTo(Path.of("target", "benchmark"));
    }

    @Test
    void probe_takes_the_rate_to_measure() {
        Benchmark.Options options = Benchmark.Options.parse("--probe", "40", "--out", "/tmp/b");

        assertThat(options.probing()).isTrue();
        assertThat(options.probe()).isEqualTo(40.0);
        assertThat(options.out()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void probe_without_a_positive_rate_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--probe"))
                .withMessageContaining("rate");
        assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--probe", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--probe", "fast"));
        assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--probe", "Infinity"));
    }

    @Test
    void quick_and_probe_do_not_go_together() {
        assertThatIllegalArgumentException().isThrownBy(() -> Benchmark.Options.parse("--quick", "--probe", "5"))
                .withMessageContaining("do not go together");
    }
}
