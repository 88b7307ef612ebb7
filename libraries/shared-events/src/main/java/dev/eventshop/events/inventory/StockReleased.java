package dev.eventshop.events.inventory;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The stock held for an order is available again (the compensation of {@link StockReserved}). */
public record StockReleased(OrderId orderId, List<StockLine> lines, Instant releasedAt) implements IntegrationEvent {

    public StockReleased {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(releasedAt, "releasedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
