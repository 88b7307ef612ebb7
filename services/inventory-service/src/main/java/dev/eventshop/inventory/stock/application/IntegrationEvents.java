package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.Money;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.inventory.Shortage;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.inventory.stock.domain.Product;
import dev.eventshop.inventory.stock.domain.ReservationEvent;
import dev.eventshop.inventory.stock.domain.StockItem;
import java.util.List;

/** Maps products and the reservations' domain events to the integration events other services consume. */
final class IntegrationEvents {

    private IntegrationEvents() {
    }

    static StockReserved reserved(ReservationEvent.Reserved reserved, Money total) {
        return new StockReserved(reserved.orderId(), reserved.customerId(), lines(reserved.items()), total,
                reserved.occurredAt());
    }

    static StockReservationFailed failed(ReservationEvent.Failed failed) {
        return new StockReservationFailed(failed.orderId(), failed.shortages().stream()
                .map(shortage -> new Shortage(shortage.sku(), shortage.requested(), shortage.available()))
                .toList(), failed.occurredAt());
    }

    static StockReleased released(ReservationEvent.Released released) {
        return new StockReleased(released.orderId(), lines(released.items()), released.occurredAt());
    }

    static ProductUpdated productUpdated(Product product) {
        return new ProductUpdated(product.sku(), product.name(), product.price(), product.available(),
                product.reserved(), product.updatedAt());
    }

    private static List<StockLine> lines(List<StockItem> items) {
        return items.stream().map(item -> new StockLine(item.sku(), item.quantity())).toList();
    }
}
