package dev.eventshop.messaging.inbox;

/**
 * Runs an event's effect at most once per consumer, however often the event is delivered: the processed-event row and
 * the effect commit in one transaction, and a unique key on (consumer, event id) turns a duplicate into a no-op.
 */
public interface IdempotentConsumer {

    /**
     * Runs {@code effect} in a transaction unless this service already processed the event.
     *
     * @return {@code true} if the effect ran, {@code false} for a duplicate
     */
    boolean handleOnce(IncomingEvent<?> event, Runnable effect);

    /** As {@link #handleOnce(IncomingEvent, Runnable)}, for a service with several independent handlers of one event. */
    boolean handleOnce(String consumer, IncomingEvent<?> event, Runnable effect);
}
