package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.Sku;
import java.util.Objects;

/** A quantity of one product: asked for by an order, held for it or given back. */
public record StockItem(Sku sku, int quantity) {

    public StockItem {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    /** {@code 2 x KB-001}, for log lines. */
    @Override
    public String toString() {
        return quantity + " x " + sku;
    }
}
