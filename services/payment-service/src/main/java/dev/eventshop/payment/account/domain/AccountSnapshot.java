package dev.eventshop.payment.account.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import java.util.Objects;

/**
 * An account's state after its first {@code version} events, so that loading it replays only the events after
 * those. Derived data: replaying the whole ledger gives the same account.
 */
public record AccountSnapshot(CustomerId accountId, long version, Money balance) {

    public AccountSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(balance, "balance");
        if (version < 1) {
            throw new IllegalArgumentException("an account has at least the event that opened it: " + version);
        }
    }
}
