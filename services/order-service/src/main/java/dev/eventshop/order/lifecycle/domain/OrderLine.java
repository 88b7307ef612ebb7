package dev.eventshop.order.lifecycle.domain;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import java.util.Objects;

/** A quantity of one product, priced from the catalog when the order was placed. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    /** The most of one product a single order may ask for. */
    public static final int MAX_QUANTITY = 1000;

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY + ": " + quantity);
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
