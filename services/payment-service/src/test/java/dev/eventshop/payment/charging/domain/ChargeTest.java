package dev.eventshop.payment.charging.domain;

import static dev.eventshop.payment.account.domain.AccountFixture.ALICE;
import static dev.eventshop.payment.account.domain.AccountFixture.aliceWith;
import static dev.eventshop.payment.account.domain.AccountFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final OrderId order = OrderId.newId();

    @Test
    void completes_the_payment_and_debits_the_account_when_the_balance_covers_the_amount() {
        Charge charge = Charge.decide(order, ALICE, eur("89.00"), Optional.of(aliceWith("5000.00")), NOW);

        assertThat(charge.payment()).isEqualTo(Payment.completed(order, ALICE, eur("89.00"), NOW));
        assertThat(charge.debit()).isEqualTo(new MoneyWithdrawn(eur("89.00"), order));
    }

    @Test
    void declines_a_customer_without_an_account_as_unknown_and_debits_nothing() {
        Charge charge = Charge.decide(order, ALICE, eur("89.00"), Optional.empty(), NOW);

        assertThat(charge.payment().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(charge.payment().reason()).isEqualTo(DeclineReason.UNKNOWN_CUSTOMER);
        assertThat(charge.debit()).isNull();
    }

    @Test
    void declines_for_insufficient_funds_when_the_balance_is_short() {
        Charge charge = Charge.decide(order, ALICE, eur("249.00"), Optional.of(aliceWith("50.00")), NOW);

        assertThat(charge.payment()).isEqualTo(
                Payment.failed(order, ALICE, eur("249.00"), DeclineReason.INSUFFICIENT_FUNDS, NOW));
        assertThat(charge.debit()).isNull();
    }

    @Test
    void declines_for_insufficient_funds_when_the_account_holds_another_currency() {
        Charge charge = Charge.decide(order, ALICE, Money.of("1.00", "USD"), Optional.of(aliceWith("5000.00")), NOW);

        assertThat(charge.payment().reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(charge.debit()).isNull();
    }

    @Test
    void a_payment_has_a_reason_if_and_only_if_it_failed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Payment(order, ALICE, eur("1.00"),
                PaymentStatus.COMPLETED, DeclineReason.UNKNOWN_CUSTOMER, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new Payment(order, ALICE, eur("1.00"),
                PaymentStatus.FAILED, null, NOW));
    }
}
