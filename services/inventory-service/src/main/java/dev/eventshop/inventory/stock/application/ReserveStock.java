package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.inventory.stock.domain.StockItem;
import dev.eventshop.inventory.stock.domain.StockRequest;
import java.util.Objects;

/**
 * A placed order's request for stock. {@code total} is the order's, passed on in {@code StockReserved} so that the
 * payment-service can charge without a copy of the order.
 */
public record ReserveStock(OrderId orderId, CustomerId customerId, StockRequest request, Money total) {

    public ReserveStock {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(total, "total");
    }

    public static ReserveStock of(OrderPlaced placed) {
        return new ReserveStock(placed.orderId(), placed.customerId(), StockRequest.of(placed.lines().stream()
                .map(line -> new StockItem(line.sku(), line.quantity()))
                .toList()), placed.total());
    }
}
