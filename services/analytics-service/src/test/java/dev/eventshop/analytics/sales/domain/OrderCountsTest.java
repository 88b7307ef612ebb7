package dev.eventshop.analytics.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.order.CancellationReason;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderCountsTest {

    @ParameterizedTest(name = "{1} confirmed of {0} placed is {2}")
    @CsvSource({
        "1, 1, 1.0000",
        "3, 1, 0.3333",
        "3, 2, 0.6667",
        "200, 117, 0.5850",
        "7, 0, 0.0000"})
    void the_conversion_rate_is_confirmed_per_placed_to_four_places(long placed, long confirmed, String rate) {
        OrderCounts counts = new OrderCounts(placed, confirmed, placed - confirmed, Map.of());

        assertThat(counts.conversionRate()).contains(new BigDecimal(rate));
    }

    @Test
    void there_is_no_conversion_rate_before_an_order_was_placed() {
        assertThat(new OrderCounts(0, 0, 0, Map.of()).conversionRate()).isEmpty();
    }

    @Test
    void every_cancellation_reason_is_counted_even_when_no_order_was_cancelled_for_it() {
        OrderCounts counts = new OrderCounts(10, 5, 1, Map.of(CancellationReason.OUT_OF_STOCK, 4L));

        assertThat(counts.cancelledByReason()).containsExactly(
                Map.entry(CancellationReason.OUT_OF_STOCK, 4L), Map.entry(CancellationReason.PAYMENT_DECLINED, 0L),
                Map.entry(CancellationReason.TIMED_OUT, 0L));
        assertThat(counts.cancelled()).isEqualTo(4);
    }
}
