package dev.eventshop.payment.account.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;

/** Money in one currency was offered to an account that holds another; accounts never convert. */
public class CurrencyMismatchException extends RuntimeException {

    private final String accountCurrency;

    public CurrencyMismatchException(CustomerId accountId, String accountCurrency, Money offered) {
        super("Account " + accountId + " holds " + accountCurrency + ", not " + offered.currency() + ".");
        this.accountCurrency = accountCurrency;
    }

    public String accountCurrency() {
        return accountCurrency;
    }
}
