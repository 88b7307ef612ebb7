package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.domain.Product;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where products are kept. Every method joins the caller's transaction. The {@code lock} methods lock the products
 * until it ends, always in SKU order, so that two transactions that lock some of the same products wait for each other
 * instead of deadlocking.
 */
public interface ProductRepository {

    /** Every product, by SKU. */
    List<Product> findAll();

    Optional<Product> find(Sku sku);

    Optional<Product> lock(Sku sku);

    /** The products of the given SKUs that exist, locked, in SKU order; unknown SKUs are left out. */
    Map<Sku, Product> lockAll(Collection<Sku> skus);

    /** The products changed since their state was last published, locked, in SKU order. */
    List<Product> lockUnpublished();

    /** Stores the product's stock, versions and update time. */
    void update(Product product);
}
