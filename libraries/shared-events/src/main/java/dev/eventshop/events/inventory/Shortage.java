package dev.eventshop.events.inventory;

import dev.eventshop.events.Sku;
import java.util.Objects;

/** A product an order asked for more of than was available. */
public record Shortage(Sku sku, int requested, int available) {

    public Shortage {
        Objects.requireNonNull(sku, "sku");
    }
}
