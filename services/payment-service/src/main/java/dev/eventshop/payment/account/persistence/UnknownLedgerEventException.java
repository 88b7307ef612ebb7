package dev.eventshop.payment.account.persistence;

import dev.eventshop.events.CustomerId;

/**
 * The ledger holds an event this version of the service cannot read: a type it does not know (written by a newer
 * version, or by hand) or a payload without what its type needs. Replaying without it would give a wrong balance, so
 * the account cannot be loaded until the service learns the event.
 */
public class UnknownLedgerEventException extends IllegalStateException {

    private final String eventType;

    UnknownLedgerEventException(CustomerId accountId, long version, String eventType, String problem) {
        super("Cannot replay account " + accountId + ": its event at version " + version + " of type '" + eventType
                + "' " + problem);
        this.eventType = eventType;
    }

    /** The {@code event_type} of the event that could not be read. */
    public String eventType() {
        return eventType;
    }
}
