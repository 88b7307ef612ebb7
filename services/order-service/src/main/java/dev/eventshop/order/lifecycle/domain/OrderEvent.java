package dev.eventshop.order.lifecycle.domain;

import dev.eventshop.events.OrderId;
import java.time.Instant;

/**
 * What happened to an order, as the aggregate reports it from a transition. The application layer turns these into
 * integration events; the domain knows nothing of topics or wire formats.
 */
public sealed interface OrderEvent {

    OrderId orderId();

    Instant occurredAt();

    /** The order was confirmed: stock is held and the payment went through. */
    record Confirmed(OrderId orderId, Instant occurredAt) implements OrderEvent {
    }

    /** The order was cancelled for {@code reason}. */
    record Cancelled(OrderId orderId, CancellationReason reason, Instant occurredAt) implements OrderEvent {
    }
}
