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
     * The account as it was at {@code asOf}: its latest snapshot at or before then and the events after it that
     * occurred until then; empty when it did not exist yet.
     */
    public Optional<Account> findAsOf(CustomerId id, Instant asOf) {
        return ledger.loadAsOf(id, asOf);
    }

    /**
     * A page of the account's events: at most {@code size} after version {@code afterVersion}, oldest first; empty
     * when the customer has no account.
     */
    public Optional<LedgerPage> history(CustomerId id, long afterVersion, int size) {
        // One more than asked tells whether another page follows.
        List<LedgerEntry> entries = ledger.history(id, afterVersion, size + 1);
        if (entries.isEmpty() && (afterVersion == 0 || ledger.history(id, 0, 1).isEmpty())) {
            return Optional.empty();
        }
        boolean more = entries.size() > size;
        return Optional.of(new LedgerPage(more ? entries.subList(0, size) : entries, more));
    }
}
