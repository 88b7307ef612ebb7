package dev.eventshop.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;

/** Where a service's listeners get their {@link EventHandlers}: idempotent, logged and counted the same everywhere. */
public final class Inbox {

    private final IdempotentConsumer consumer;
    private final MeterRegistry meters;

    public Inbox(IdempotentConsumer consumer, MeterRegistry meters) {
        this.consumer = consumer;
        this.meters = meters;
    }

    /** Starts the handlers of one listener. */
    public EventHandlers.Builder handlers() {
        return EventHandlers.builder(consumer, meters);
    }
}
