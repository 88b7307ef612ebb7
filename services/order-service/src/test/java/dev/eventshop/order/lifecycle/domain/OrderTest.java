package dev.eventshop.order.lifecycle.domain;

import static dev.eventshop.order.lifecycle.domain.OrderFixture.LATER;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.MUCH_LATER;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.PLACED_AT;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.cancelledOrder;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.confirmedOrder;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.line;
import static dev.eventshop.order.lifecycle.domain.OrderFixture.pendingOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    @Nested
    class Placing {

        @Test
        void starts_pending_with_the_total_of_its_lines() {
            Order order = Order.place(OrderId.newId(), new CustomerId("alice"),
                    List.of(line("KB-001", 2, "89.00"), line("MS-002", 1, "29.00")), PLACED_AT);

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.total()).isEqualTo(Money.of("207.00", "EUR"));
            assertThat(order.cancellationReason()).isEmpty();
            assertThat(order.createdAt()).isEqualTo(PLACED_AT);
            assertThat(order.updatedAt()).isEqualTo(PLACED_AT);
        }

        @Test
        void needs_at_least_one_line() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> Order.place(OrderId.newId(), new CustomerId("alice"), List.of(), PLACED_AT));
        }

        @Test
        void takes_at_most_one_hundred_lines() {
            List<OrderLine> lines = IntStream.rangeClosed(1, Order.MAX_LINES + 1)
                    .mapToObj(i -> line("SKU-" + i, 1, "1.00"))
                    .toList();

            assertThatIllegalArgumentException().isThrownBy(
                    () -> Order.place(OrderId.newId(), new CustomerId("alice"), lines, PLACED_AT));
        }

        @Test
        void names_each_product_once() {
            assertThatIllegalArgumentException().isThrownBy(() -> Order.place(OrderId.newId(),
                    new CustomerId("alice"), List.of(line("KB-001", 1, "89.00"), line("KB-001", 2, "89.00")),
                    PLACED_AT));
        }

        @Test
        void prices_every_line_in_one_currency() {
            OrderLine inDollars = new OrderLine(new Sku("MS-002"), 1, Money.of("29.00", "USD"));

            assertThatIllegalArgumentException().isThrownBy(() -> Order.place(OrderId.newId(),
                    new CustomerId("alice"), List.of(line("KB-001", 1, "89.00"), inDollars), PLACED_AT));
        }

        @Test
        void a_line_asks_for_one_to_a_thousand_items() {
            assertThatIllegalArgumentException().isThrownBy(() -> line("KB-001", 0, "89.00"));
            assertThatIllegalArgumentException().isThrownBy(() -> line("KB-001", OrderLine.MAX_QUANTITY + 1, "89.00"));
        }
    }

    @Nested
    class Confirming {

        @Test
        void confirms_a_pending_order() {
            Order order = pendingOrder();

            var confirmed = order.confirm(LATER);

            assertThat(confirmed).contains(new OrderEvent.Confirmed(order.id(), LATER));
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void ignores_a_repeated_confirmation() {
            Order order = confirmedOrder();

            assertThat(order.confirm(MUCH_LATER)).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.updatedAt()).isEqualTo(LATER);
        }

        @ParameterizedTest
        @EnumSource(CancellationReason.class)
        void ignores_a_late_confirmation_of_a_cancelled_order(CancellationReason reason) {
            Order order = cancelledOrder(reason);

            assertThat(order.confirm(MUCH_LATER)).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).contains(reason);
        }
    }

    @Nested
    class Cancelling {

        @ParameterizedTest
        @EnumSource(CancellationReason.class)
        void cancels_a_pending_order_with_its_reason(CancellationReason reason) {
            Order order = pendingOrder();

            var cancelled = order.cancel(reason, LATER);

            assertThat(cancelled).contains(new OrderEvent.Cancelled(order.id(), reason, LATER));
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).contains(reason);
            assertThat(order.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void ignores_a_second_cancellation_and_keeps_the_first_reason() {
            Order order = cancelledOrder(CancellationReason.OUT_OF_STOCK);

            assertThat(order.cancel(CancellationReason.PAYMENT_DECLINED, MUCH_LATER)).isEmpty();
            assertThat(order.cancellationReason()).contains(CancellationReason.OUT_OF_STOCK);
            assertThat(order.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void ignores_a_late_payment_failure_of_a_confirmed_order() {
            Order order = confirmedOrder();

            assertThat(order.cancel(CancellationReason.PAYMENT_DECLINED, MUCH_LATER)).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.cancellationReason()).isEmpty();
        }
    }

    @Nested
    class Restoring {

        @Test
        void restores_a_cancelled_order_with_its_reason() {
            Order stored = cancelledOrder(CancellationReason.PAYMENT_DECLINED);

            Order restored = Order.restore(stored.id(), stored.customerId(), stored.lines(), stored.status(),
                    CancellationReason.PAYMENT_DECLINED, stored.createdAt(), stored.updatedAt());

            assertThat(restored.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(restored.total()).isEqualTo(stored.total());
            assertThat(restored.confirm(MUCH_LATER)).isEmpty();
        }

        @Test
        void refuses_a_cancellation_reason_on_an_order_that_is_not_cancelled() {
            Order stored = pendingOrder();

            assertThatIllegalArgumentException().isThrownBy(() -> Order.restore(stored.id(), stored.customerId(),
                    stored.lines(), OrderStatus.CONFIRMED, CancellationReason.OUT_OF_STOCK, PLACED_AT, LATER));
        }
    }
}
