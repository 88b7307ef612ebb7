package dev.eventshop.payment.account.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent;
import dev.eventshop.payment.account.domain.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Records an account's new events in its ledger, after the version they were decided on, and keeps a snapshot each
 * time the ledger passes a multiple of {@code snapshot-interval}, in the same transaction.
 */
@Component
public class AccountRecorder {

    private final AccountLedger ledger;
    private final int snapshotInterval;

    AccountRecorder(AccountLedger ledger, AccountProperties properties) {
        this.ledger = ledger;
        this.snapshotInterval = properties.snapshotInterval();
    }

    /**
     * Appends {@code events} after {@code decidedOn} and returns the account they make.
     *
     * @param decidedOn the account the events were decided on; empty when they open it
     * @param at when the events happened; never before the account's latest event, however the clocks of two
     *     writers disagree
     * @throws ConcurrentLedgerUpdateException when another writer appended after {@code decidedOn} first
     */
    public Account record(CustomerId id, Optional<Account> decidedOn, List<AccountEvent> events, Instant at) {
        long before = decidedOn.map(Account::version).orElse(0L);
        List<LedgerEntry> entries = ledger.append(id, before, events, at);
        Account after = decidedOn.map(account -> account.applyAll(entries))
                .orElseGet(() -> Account.replay(id, entries));
        if (after.version() / snapshotInterval > before / snapshotInterval) {
            ledger.saveSnapshot(after.snapshot());
        }
        return after;
    }
}
