package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.Sku;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Units of one product sold in confirmed orders.
 *
 * @param name from the product catalog; null while the catalog has not named the product
 */
public record ProductSales(Sku sku, @Nullable String name, long units) {

    public ProductSales {
        Objects.requireNonNull(sku, "sku");
    }
}
