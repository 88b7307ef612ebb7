package dev.eventshop.order.catalog.application;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import java.util.Collection;
import java.util.Map;

/**
 * The order-service's replica of the product catalog: the latest known name and price of each product, kept from the
 * compacted {@code product-catalog} topic. The only source of prices: a client never sets one.
 */
public interface CatalogReplica {

    /** The unit price of each of the given products the replica knows; unknown SKUs are absent from the map. */
    Map<Sku, Money> pricesOf(Collection<Sku> skus);

    /** Keeps a product's state unless a newer one is there already, so a replayed or reordered record is harmless. */
    void save(ProductUpdated product);
}
