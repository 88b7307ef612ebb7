package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the analytics knows of a product: its name as of {@code updatedAt}. The newer state wins a merge, whatever the
 * order of arrival (equal times are broken by name), as on the compacted {@code product-catalog} topic.
 */
public record ProductFacts(Sku sku, String name, Instant updatedAt) implements Facts {

    private static final Comparator<ProductFacts> NEWEST_LAST =
            Comparator.comparing(ProductFacts::updatedAt).thenComparing(ProductFacts::name);

    public ProductFacts {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        updatedAt = OrderFacts.micros(updatedAt);
    }

    public ProductFacts merge(ProductFacts other) {
        if (!sku.equals(other.sku)) {
            throw new IllegalArgumentException("facts of product " + other.sku + " do not belong to " + sku);
        }
        return NEWEST_LAST.compare(this, other) >= 0 ? this : other;
    }
}
