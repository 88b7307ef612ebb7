package dev.eventshop.order.order.application;

import dev.eventshop.events.IntegrationEvent;
import java.util.UUID;

/** Publishes the order's integration events if and only if the caller's transaction commits. */
public interface OrderEventOutbox {

    /**
     * Appends an event, to be published after the caller's transaction commits.
     *
     * @return the event's id, as consumers will see it ({@code ce_id})
     */
    UUID append(IntegrationEvent event);
}
