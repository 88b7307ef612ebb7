package dev.eventshop.events.order;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import java.util.Objects;

/** One line of an order, priced when the order was placed. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
