package dev.eventshop.payment.charging.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import dev.eventshop.payment.account.domain.Withdrawal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision on charging a customer for an order: the payment, and the debit to record in the customer's ledger
 * when it completed. A customer without an account is declined as unknown; an account that cannot cover the amount,
 * or holds another currency, is declined for insufficient funds; nothing is debited either way.
 *
 * @param debit the ledger event to record; present with, and only with, a completed payment
 */
public record Charge(Payment payment, @Nullable MoneyWithdrawn debit) {

    public Charge {
        Objects.requireNonNull(payment, "payment");
        if ((payment.status() == PaymentStatus.COMPLETED) != (debit != null)) {
            throw new IllegalArgumentException("a debit goes with, and only with, a completed payment");
        }
    }

    /**
     * Decides the payment of an order for {@code amount}.
     *
     * @param account the customer's account, empty when the customer has none
     */
    public static Charge decide(OrderId orderId, CustomerId customerId, Money amount, Optional<Account> account,
            Instant at) {
        if (account.isEmpty()) {
            return declined(orderId, customerId, amount, DeclineReason.UNKNOWN_CUSTOMER, at);
        }
        return switch (account.get().withdraw(amount, orderId)) {
            case Withdrawal.Approved approved -> new Charge(
                    Payment.completed(orderId, customerId, amount, at), approved.withdrawn());
            case Withdrawal.InsufficientFunds insufficient -> declined(orderId, customerId, amount,
                    DeclineReason.INSUFFICIENT_FUNDS, at);
            case Withdrawal.CurrencyMismatch mismatch -> declined(orderId, customerId, amount,
                    DeclineReason.INSUFFICIENT_FUNDS, at);
        };
    }

    private static Charge declined(OrderId orderId, CustomerId customerId, Money amount, DeclineReason reason,
            Instant at) {
        return new Charge(Payment.failed(orderId, customerId, amount, reason, at), null);
    }
}
