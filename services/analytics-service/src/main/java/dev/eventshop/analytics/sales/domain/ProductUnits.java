package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.Sku;
import java.util.Objects;

/** How many of one product an order sold. */
public record ProductUnits(Sku sku, int units) {

    public ProductUnits {
        Objects.requireNonNull(sku, "sku");
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1, not " + units);
        }
    }
}
