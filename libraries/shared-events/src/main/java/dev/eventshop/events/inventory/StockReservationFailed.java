package dev.eventshop.events.inventory;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** At least one line could not be held, so none was; {@code shortages} names the products that were short. */
public record StockReservationFailed(OrderId orderId, List<Shortage> shortages, Instant failedAt)
        implements IntegrationEvent {

    public StockReservationFailed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(failedAt, "failedAt");
        shortages = List.copyOf(Objects.requireNonNull(shortages, "shortages"));
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
