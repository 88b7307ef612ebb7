package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemStepTest {

    @Test
    void a_backlog_growing_by_three_orders_a_second_has_a_slope_of_three() {
        List<double[]> samples = List.of(new double[] {0, 10}, new double[] {1, 13}, new double[] {2, 16},
                new double[] {3, 19});
        assertThat(SystemStep.slope(samples, 1)).isCloseTo(3, within(1e-9));
    }

    @Test
    void a_backlog_that_only_wobbles_is_flat() {
        List<double[]> samples = List.of(new double[] {0, 20}, new double[] {1, 25}, new double[] {2, 18},
                new double[] {3, 24}, new double[] {4, 19}, new double[] {5, 21});
        assertThat(SystemStep.slope(samples, 1)).isLessThan(SystemStep.pendingTolerance(50));
    }

    @Test
    void too_few_samples_show_no_trend() {
        assertThat(SystemStep.slope(List.of(new double[] {0, 1}, new double[] {1, 100}), 1)).isZero();
    }

    @Test
    void the_tolerance_is_two_percent_of_the_rate_and_at_least_one_order() {
        assertThat(SystemStep.pendingTolerance(10)).isEqualTo(1);
        assertThat(SystemStep.pendingTolerance(200)).isEqualTo(4);
        assertThat(SystemStep.lagTolerance(200)).isEqualTo(40);
    }

    @Test
    void the_groups_named_as_limiting_are_those_whose_lag_grew_the_fastest_first() {
        assertThat(SystemStep.growing(Map.of("email-service", 9.5, "analytics-service", 2.0, "order-service", 0.1)))
                .isEqualTo("email-service 9.5/s, analytics-service 2.0/s");
    }
}
