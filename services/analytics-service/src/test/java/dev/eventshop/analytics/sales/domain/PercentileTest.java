package dev.eventshop.analytics.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileTest {

    @ParameterizedTest(name = "of {0} values, p50 is rank {1}, p90 rank {2}, p99 rank {3}")
    @CsvSource({
        "1, 1, 1, 1",
        "2, 1, 2, 2",
        "3, 2, 3, 3",
        "10, 5, 9, 10",
        "100, 50, 90, 99",
        "101, 51, 91, 100",
        "200, 100, 180, 198",
        "1000, 500, 900, 990"})
    void the_rank_of_a_percentile_is_the_nearest_rank(long count, long p50, long p90, long p99) {
        assertThat(Percentile.P50.rankIn(count)).isEqualTo(p50);
        assertThat(Percentile.P90.rankIn(count)).isEqualTo(p90);
        assertThat(Percentile.P99.rankIn(count)).isEqualTo(p99);
    }

    @Test
    void a_percentile_is_an_observed_value_that_at_least_that_share_of_values_do_not_exceed() {
        List<Long> sorted = LongStream.rangeClosed(1, 37).map(value -> value * 10).boxed().toList();

        for (Percentile percentile : Percentile.values()) {
            long value = sorted.get((int) percentile.rankIn(sorted.size()) - 1);
            long atMost = sorted.stream().filter(each -> each <= value).count();
            long below = sorted.stream().filter(each -> each < value).count();
            assertThat(atMost * 100).as(percentile.name()).isGreaterThanOrEqualTo(percentile.percent() * 37L);
            assertThat(below * 100).as(percentile.name() + " is the smallest such value")
                    .isLessThan(percentile.percent() * 37L);
        }
    }

    @Test
    void there_is_no_percentile_of_no_values() {
        assertThatIllegalArgumentException().isThrownBy(() -> Percentile.P50.rankIn(0));
    }
}
