package dev.eventshop.payment.account.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountEvent;
import dev.eventshop.payment.account.domain.AccountSnapshot;
import dev.eventshop.payment.account.domain.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts' events are kept: an append-only ledger per account, plus snapshots so that loading an account
 * does not replay its whole history. Every method joins the caller's transaction.
 */
public interface AccountLedger {

    /** The account as of its latest event, from its latest snapshot and the events after it; empty if it has none. */
    Optional<Account> load(CustomerId id);

    /** Every event of the account, oldest first; empty if it has none. */
    List<LedgerEntry> history(CustomerId id);

    /** The events of the account that occurred at or before {@code asOf}, oldest first. */
    List<LedgerEntry> historyUntil(CustomerId id, Instant asOf);

    /**
     * Appends events to the account's ledger, numbered from {@code expectedVersion + 1}. Within one account, times
     * never go backwards: an event gets the later of {@code occurredAt} and the time of the event before it.
     *
     * @param expectedVersion the version the caller decided on: 0 for an account that does not exist yet
     * @return the entries as recorded
     * @throws ConcurrentLedgerUpdateException when another writer appended after {@code expectedVersion} first
     */
    List<LedgerEntry> append(CustomerId id, long expectedVersion, List<AccountEvent> events, Instant occurredAt);

    /** Keeps the snapshot as the account's latest, unless a later one is there already. */
    void saveSnapshot(AccountSnapshot snapshot);

    Optional<AccountSnapshot> latestSnapshot(CustomerId id);
}
