package dev.eventshop.payment.account.domain;

import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened to an account: the entries of its ledger, and the only thing stored about it. Sealed, so that
 * {@link Account#apply} handles every kind without a default branch: a new kind of event does not compile until
 * replay knows what it does to an account.
 */
public sealed interface AccountEvent {

    /** The account exists from now on, holding money in {@code currency} (ISO 4217) and nothing yet. */
    record AccountOpened(String currency) implements AccountEvent {

        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        public AccountOpened {
            Objects.requireNonNull(currency, "currency");
            if (!CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
            }
        }
    }

    /** Money was paid into the account. */
    record MoneyDeposited(Money amount) implements AccountEvent {

        public MoneyDeposited {
            Objects.requireNonNull(amount, "amount");
            if (amount.amount().signum() <= 0) {
                throw new IllegalArgumentException("a deposit is positive: " + amount);
            }
        }
    }

    /**
     * The account was debited for an order. Zero is a debit too (a free order is still paid for, with nothing), but
     * never less.
     */
    record MoneyWithdrawn(Money amount, OrderId orderId) implements AccountEvent {

        public MoneyWithdrawn {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(orderId, "orderId");
            if (amount.amount().compareTo(BigDecimal.ZERO) < 0) {
                throw new IllegalArgumentException("a withdrawal is not negative: " + amount);
            }
        }
    }

    /**
     * The money a debit took for an order was paid back, because the order was cancelled after all. At most one per
     * order, for the amount of its debit.
     */
    record MoneyRefunded(Money amount, OrderId orderId) implements AccountEvent {

        public MoneyRefunded {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(orderId, "orderId");
            if (amount.amount().compareTo(BigDecimal.ZERO) < 0) {
                throw new IllegalArgumentException("a refund is not negative: " + amount);
            }
        }
    }
}
