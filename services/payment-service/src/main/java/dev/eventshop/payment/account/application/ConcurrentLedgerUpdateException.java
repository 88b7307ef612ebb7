package dev.eventshop.payment.account.application;

import dev.eventshop.events.CustomerId;

/**
 * Another writer appended to an account after the version a decision was based on. The decision may no longer hold
 * (the money may be gone): load the account again and decide again.
 */
public class ConcurrentLedgerUpdateException extends RuntimeException {

    public ConcurrentLedgerUpdateException(CustomerId id, long expectedVersion, Throwable cause) {
        super("account " + id + " has moved on from version " + expectedVersion, cause);
    }
}
