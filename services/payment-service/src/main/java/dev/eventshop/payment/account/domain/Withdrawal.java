package dev.eventshop.payment.account.domain;

import dev.eventshop.events.Money;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;

/** An account's answer to a request for money: the debit to record, or why there is none. */
public sealed interface Withdrawal {

    /** The money is there: record {@code withdrawn}. */
    record Approved(MoneyWithdrawn withdrawn) implements Withdrawal {
    }

    /** The account holds less than {@code requested}. */
    record InsufficientFunds(Money balance, Money requested) implements Withdrawal {
    }

    /** The account holds no money in the requested currency at all. */
    record CurrencyMismatch(String accountCurrency, Money requested) implements Withdrawal {
    }
}
