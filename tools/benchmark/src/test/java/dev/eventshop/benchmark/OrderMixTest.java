package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderMixTest {

    @Test
    void sends_eight_in_ten_orders_that_confirm_and_one_in_ten_of_each_cancellation() {
        OrderMix mix = new OrderMix(42);
        Map<String, Long> outcomes = IntStream.range(0, 10_000).mapToObj(i -> mix.next().expectedOutcome())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(outcomes.get("CONFIRMED")).isBetween(7_700L, 8_300L);
        assertThat(outcomes.get("PAYMENT_DECLINED")).isBetween(850L, 1_150L);
        assertThat(outcomes.get("OUT_OF_STOCK")).isBetween(850L, 1_150L);
    }

    @Test
    void sends_the_same_orders_on_every_run() {
        OrderMix first = new OrderMix(42);
        OrderMix second = new OrderMix(42);
        for (int i = 0; i < 100; i++) {
            assertThat(first.next()).isEqualTo(second.next());
        }
    }

    @Test
    void sends_bob_a_monitor_he_cannot_pay_for() {
        OrderMix mix = new OrderMix(7);
        OrderMix.Order declined = IntStream.range(0, 100).mapToObj(i -> mix.next())
                .filter(order -> order.expectedOutcome().equals("PAYMENT_DECLINED")).findFirst().orElseThrow();
        assertThat(declined.json())
                .isEqualTo("{\"customerId\":\"bob\",\"items\":[{\"sku\":\"MN-003\",\"quantity\":1}]}");
    }
}
