package dev.eventshop.payment.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final Money TOTAL = Money.of("89.00", "EUR");
    private static final Instant PAID = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant CANCELLED = PAID.plusSeconds(120);

    @Test
    void a_completed_payment_of_a_cancelled_order_is_refunded_in_full() {
        Payment completed = Payment.completed(ORDER, ALICE, TOTAL, PAID);

        assertThat(completed.refundOnCancellation(CANCELLED)).contains(new Refund(ORDER, ALICE, TOTAL, CANCELLED));
    }

    @Test
    void a_payment_that_took_no_money_has_nothing_to_refund() {
        assertThat(Payment.failed(ORDER, ALICE, TOTAL, DeclineReason.INSUFFICIENT_FUNDS, PAID)
                .refundOnCancellation(CANCELLED)).isEmpty();
        assertThat(Payment.voided(ORDER, ALICE, TOTAL, PAID).refundOnCancellation(CANCELLED)).isEmpty();
    }

    @Test
    void a_voided_payment_has_no_decline_reason() {
        Payment voided = Payment.voided(ORDER, ALICE, TOTAL, PAID);

        assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(voided.reason()).isNull();
    }
}
