package dev.eventshop.payment.account.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyRefunded;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's account, event-sourced: its state is what its ledger's events add up to, and nothing else is stored.
 * It exists from its {@link AccountOpened} on, in one currency, and never goes below zero. Immutable: commands decide
 * and return the events to record without changing the account; {@link #apply} returns the account those events
 * make.
 *
 * <p>Replay trusts the ledger's events as facts and does not re-check the rules that produced them, but it does check
 * the ledger's shape: the history starts with the opening at version 1 and has no gaps.
 */
public final class Account {

    private final CustomerId id;
    private final Money balance;
    private final long version;

    private Account(CustomerId id, Money balance, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.balance = Objects.requireNonNull(balance, "balance");
        this.version = version;
    }

    /**
     * The account its whole history makes.
     *
     * @param history every event of the account, oldest first
     * @throws IllegalStateException when the history does not start with the opening at version 1, or has a gap
     */
    public static Account replay(CustomerId id, List<LedgerEntry> history) {
        if (history.isEmpty()) {
            throw new IllegalStateException("account " + id + " has no history to replay");
        }
        LedgerEntry first = history.getFirst();
        if (first.version() != 1 || !(first.event() instanceof AccountOpened opened)) {
            throw new IllegalStateException("the ledger of account " + id
                    + " does not start with its opening at version 1 but with " + first);
        }
        return new Account(id, Money.zero(opened.currency()), 1).applyAll(history.subList(1, history.size()));
    }

    /**
     * The account a snapshot and the events after it make: the same as {@link #replay} of the whole history.
     *
     * @param tail the events after the snapshot's version, oldest first
     */
    public static Account resume(AccountSnapshot snapshot, List<LedgerEntry> tail) {
        return new Account(snapshot.accountId(), snapshot.balance(), snapshot.version()).applyAll(tail);
    }

    /** The events that open an account with a first deposit, in the deposit's currency. */
    public static List<AccountEvent> openWithDeposit(Money amount) {
        return List.of(new AccountOpened(amount.currency()), new MoneyDeposited(amount));
    }

    /**
     * Decides a deposit.
     *
     * @throws IllegalArgumentException when the amount is not positive
     * @throws CurrencyMismatchException when the amount is in another currency than the account's
     */
    public MoneyDeposited deposit(Money amount) {
        requireCurrencyOf(amount);
        return new MoneyDeposited(amount);
    }

    /**
     * Decides a debit for an order: approved when the balance covers it, declined otherwise. The account never goes
     * below zero.
     *
     * @throws IllegalArgumentException when the amount is negative
     */
    public Withdrawal withdraw(Money amount, OrderId orderId) {
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException("cannot withdraw a negative amount: " + amount);
        }
        if (!amount.currency().equals(currency())) {
            return new Withdrawal.CurrencyMismatch(currency(), amount);
        }
        if (balance.isLessThan(amount)) {
            return new Withdrawal.InsufficientFunds(balance, amount);
        }
        return new Withdrawal.Approved(new MoneyWithdrawn(amount, orderId));
    }

    /**
     * Decides the refund of what a debit for an order took. The caller makes sure the order was debited that amount
     * and is refunded once (the ledger refuses a second refund of an order).
     *
     * @throws IllegalArgumentException when the amount is negative
     * @throws CurrencyMismatchException when the amount is in another currency than the account's
     */
    public MoneyRefunded refund(Money amount, OrderId orderId) {
        requireCurrencyOf(amount);
        return new MoneyRefunded(amount, orderId);
    }

    /**
     * The account after the next event of its ledger.
     *
     * @throws IllegalStateException when the entry is not the next version, or opens the account a second time
     */
    public Account apply(LedgerEntry entry) {
        if (entry.version() != version + 1) {
            throw new IllegalStateException("account " + id + " is at version " + version + " and cannot take version "
                    + entry.version() + " next");
        }
        return switch (entry.event()) {
            case AccountOpened opened -> throw new IllegalStateException(
                    "account " + id + " is already open, and cannot be opened again at version " + entry.version());
            case MoneyDeposited deposited -> new Account(id, balance.plus(deposited.amount()), entry.version());
            case MoneyWithdrawn withdrawn -> new Account(id, balance.minus(withdrawn.amount()), entry.version());
            case MoneyRefunded refunded -> new Account(id, balance.plus(refunded.amount()), entry.version());
        };
    }

    /** The account after the given events, oldest first. */
    public Account applyAll(List<LedgerEntry> entries) {
        Account account = this;
        for (LedgerEntry entry : entries) {
            account = account.apply(entry);
        }
        return account;
    }

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, version, balance);
    }

    private void requireCurrencyOf(Money amount) {
        if (!amount.currency().equals(currency())) {
            throw new CurrencyMismatchException(id, currency(), amount);
        }
    }

    public CustomerId id() {
        return id;
    }

    public Money balance() {
        return balance;
    }

    public String currency() {
        return balance.currency();
    }

    /** How many events the account's ledger holds: the version of the latest. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Account account && id.equals(account.id) && balance.equals(account.balance)
                && version == account.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, balance, version);
    }

    @Override
    public String toString() {
        return "Account " + id + " at version " + version + ": " + balance;
    }
}
