package dev.eventshop.payment.account.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.domain.AccountEvent.AccountOpened;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyDeposited;
import dev.eventshop.payment.account.domain.AccountEvent.MoneyWithdrawn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Accounts, money and ledgers for tests: events numbered from version 1, a second apart. */
public final class AccountFixture {

    public static final CustomerId ALICE = new CustomerId("alice");
    public static final Instant OPENED_AT = Instant.parse("2026-11-22T10:00:00Z");

    private AccountFixture() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** The events as a ledger: versions 1, 2, ..., one second apart from {@link #OPENED_AT}. */
    public static List<LedgerEntry> ledger(List<AccountEvent> events) {
        return IntStream.range(0, events.size())
                .mapToObj(i -> new LedgerEntry(i + 1, OPENED_AT.plusSeconds(i), events.get(i)))
                .toList();
    }

    /** The events after {@code account}'s version, as the ledger would number them. */
    public static List<LedgerEntry> after(Account account, AccountEvent... events) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (AccountEvent event : events) {
            long version = account.version() + entries.size() + 1;
            entries.add(new LedgerEntry(version, OPENED_AT.plusSeconds(version - 1), event));
        }
        return entries;
    }

    /** Alice's account, opened in EUR with one deposit of {@code balance}. */
    public static Account aliceWith(String balance) {
        return Account.replay(ALICE, ledger(List.of(new AccountOpened("EUR"), new MoneyDeposited(eur(balance)))));
    }

    /**
     * A long history: the opening, then {@code count - 1} deposits and withdrawals by turns. Balance after it:
     * {@code 100.00} per deposit minus {@code 30.00} per withdrawal.
     */
    public static List<AccountEvent> busyHistory(int count) {
        List<AccountEvent> events = new ArrayList<>();
        events.add(new AccountOpened("EUR"));
        for (int i = 1; i < count; i++) {
            events.add(i % 2 == 1 ? new MoneyDeposited(eur("100.00")) : new MoneyWithdrawn(eur("30.00"),
                    OrderId.newId()));
        }
        return events;
    }
}
