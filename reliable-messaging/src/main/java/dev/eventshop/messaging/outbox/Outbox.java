package dev.eventshop.messaging.outbox;

import dev.eventshop.events.IntegrationEvent;

/**
 * Records events to publish in the caller's database transaction, so that they are published if and only if the
 * business change commits. The relay publishes them afterwards, in append order per key.
 */
public interface Outbox {

    /**
     * Appends an event to the outbox.
     *
     * @return the id and time the event is published with
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    AppendedEvent append(IntegrationEvent event);
}
