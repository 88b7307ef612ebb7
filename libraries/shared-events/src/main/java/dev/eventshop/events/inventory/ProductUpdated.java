package dev.eventshop.events.inventory;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.Objects;

/** The current state of a product. On a compacted topic, so the latest one per SKU is the catalog. */
public record ProductUpdated(Sku sku, String name, Money price, int available, int reserved, Instant updatedAt)
        implements IntegrationEvent {

    public ProductUpdated {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String aggregateId() {
        return sku.value();
    }
}
