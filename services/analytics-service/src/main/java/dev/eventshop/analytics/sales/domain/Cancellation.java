package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.order.CancellationReason;
import java.time.Instant;
import java.util.Objects;

/** An order was cancelled, and why. */
public record Cancellation(Instant cancelledAt, CancellationReason reason) {

    public Cancellation {
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(reason, "reason");
        cancelledAt = OrderFacts.micros(cancelledAt);
    }
}
