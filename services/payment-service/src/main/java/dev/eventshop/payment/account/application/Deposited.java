package dev.eventshop.payment.account.application;

import dev.eventshop.payment.account.domain.Account;
import java.util.Objects;

/**
 * The outcome of a deposit.
 *
 * @param account the account with the deposit
 * @param opened whether the deposit opened the account
 */
public record Deposited(Account account, boolean opened) {

    public Deposited {
        Objects.requireNonNull(account, "account");
    }
}
