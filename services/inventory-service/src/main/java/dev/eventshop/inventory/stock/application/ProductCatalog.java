package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.domain.Product;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and restocks products, and publishes the state of those whose state was never published. */
@Service
@Transactional(readOnly = true)
public class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final ProductRepository products;
    private final ProductPublication publication;
    private final Clock clock;

    ProductCatalog(ProductRepository products, ProductPublication publication, Clock clock) {
        this.products = products;
        this.publication = publication;
        this.clock = clock;
    }

    /** Every product, by SKU. */
    public List<Product> all() {
        return products.findAll();
    }

    public Optional<Product> find(Sku sku) {
        return products.find(sku);
    }

    /**
     * Adds available units to a product and publishes its new state.
     *
     * @throws UnknownProductException when there is no such product
     * @throws IllegalArgumentException unless {@code quantity} is 1 to {@value Product#MAX_RESTOCK}
     * @throws dev.eventshop.inventory.stock.domain.StockLimitExceededException when the product would hold too much
     */
    @Transactional
    public Product restock(Sku sku, int quantity) {
        Product product = products.lock(sku).orElseThrow(() -> new UnknownProductException(sku));
        product.restock(quantity, clock.instant());
        publication.saveAndPublish(List.of(product));
        log.info("Restocked {} by {}: {} available, {} reserved", sku, quantity, product.available(),
                product.reserved());
        return product;
    }

    /**
     * Publishes the state of every product that changed without being published: the stock the saga changed since the
     * last announcement ({@link StockAnnouncements}); on the first start, every seeded product; after a migration that
     * changes products and counts up their versions, those. Several replicas at once publish each product once: the
     * second waits on the first's row locks and then finds nothing left to publish.
     *
     * @return how many products were published
     */
    @Transactional
    public int publishUnpublished() {
        List<Product> unpublished = products.lockUnpublished();
        publication.saveAndPublish(unpublished);
        return unpublished.size();
    }
}
