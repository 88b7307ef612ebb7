package dev.eventshop.payment.account.application;

import dev.eventshop.payment.account.domain.LedgerEntry;
import java.util.List;
import java.util.OptionalLong;

/**
 * A page of an account's ledger, oldest first.
 *
 * @param more whether later events follow: the next page starts after the last version of this one
 */
public record LedgerPage(List<LedgerEntry> entries, boolean more) {

    public LedgerPage {
        entries = List.copyOf(entries);
    }

    /** The version the next page starts after; empty on the last page. */
    public OptionalLong nextAfter() {
        return more && !entries.isEmpty() ? OptionalLong.of(entries.getLast().version()) : OptionalLong.empty();
    }
}
