package dev.eventshop.events.inventory;

import dev.eventshop.events.Sku;
import java.util.Objects;

/** A quantity of one product held for, or given back by, an order. */
public record StockLine(Sku sku, int quantity) {

    public StockLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
