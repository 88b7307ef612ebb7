package dev.eventshop.payment.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the ledger recorded it: its place in the account's history and when it happened.
 *
 * @param version the event's position in the account's ledger: 1 for the event that opened it, then one more for
 *     each event, without gaps
 */
public record LedgerEntry(long version, Instant occurredAt, AccountEvent event) {

    public LedgerEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
    }
}
