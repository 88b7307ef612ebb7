package dev.eventshop.payment.account.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads accounts: now, as they were at an instant, and their ledgers. */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

    private final AccountLedger ledger;

    AccountQueries(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** The account now; empty when the customer has none. */
    public Optional<Account> find(CustomerId id) {
        return ledger.load(id);
    }

    /**
     * The account as it was at {@code asOf}, replayed from every event that occurred until then; empty when it did not
     * exist yet.
     */
    public Optional<Account> findAsOf(CustomerId id, Instant asOf) {
        List<LedgerEntry> history = ledger.historyUntil(id, asOf);
        return history.isEmpty() ? Optional.empty() : Optional.of(Account.replay(id, history));
    }

    /** Every event of the account, oldest first; empty when the customer has no account. */
    public Optional<List<LedgerEntry>> history(CustomerId id) {
        List<LedgerEntry> history = ledger.history(id);
        return history.isEmpty() ? Optional.empty() : Optional.of(history);
    }
}
