package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.util.List;
import java.util.Objects;

/** A customer's request for products; the prices come from the catalog, never from the request. */
public record PlaceOrder(OrderId orderId, CustomerId customerId, List<Item> items) {

    public PlaceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items);
    }

    /** A quantity of one product. */
    public record Item(Sku sku, int quantity) {

        public Item {
            Objects.requireNonNull(sku, "sku");
        }
    }
}
