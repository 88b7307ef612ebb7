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

    /** At most {@code limit} events of the account after version {@code afterVersion}, oldest first. */
    List<LedgerEntry> history(CustomerId id, long afterVersion, int limit);

    /**
     * The account as of its last event at or before {@code asOf}, from its latest snapshot at or before then and the
     * events after that snapshot up to then; empty if it had no event yet.
     */
    Optional<Account> loadAsOf(CustomerId id, Instant asOf);

    /**
     * Appends events to the account's ledger, numbered from {@code expectedVersion + 1}. Within one account, times
     * never go backwards: an event gets the later of {@code occurredAt} and the time of the event before it.
     *
     * @param expectedVersion the version the caller decided on: 0 for an account that does not exist yet
     * @return the entries as recorded
     * @throws ConcurrentLedgerUpdateException when another writer appended after {@code expectedVersion} first
     */
    List<LedgerEntry> append(CustomerId id, long expectedVersion, List<AccountEvent> events, Instant occurredAt);

    /** Keeps the snapshot, next to the earlier ones: {@link #loadAsOf} starts from one of them. */
    void saveSnapshot(AccountSnapshot snapshot);

    Optional<AccountSnapshot> latestSnapshot(CustomerId id);
}
