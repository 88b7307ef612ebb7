package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.EventPublisher;
import dev.eventshop.inventory.stock.domain.Product;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores changed products, and publishes a product's new state as {@code ProductUpdated} to the compacted
 * {@code product-catalog} topic in the caller's transaction: a change and its announcement commit together or not at
 * all, so every catalog replica ends with the latest state.
 *
 * <p>A catalog change (a restock, a migrated name or price) is announced at once. A saga step's change of stock is
 * only stored: {@link StockAnnouncements} announces it with every other change of that product since, a moment later.
 * The catalog's readers want names and prices; one announcement per product and interval instead of one per order and
 * product halves the records an order makes (docs/benchmarks.md).
 */
@Component
class ProductPublication {

    private final ProductRepository products;
    private final EventPublisher events;

    ProductPublication(ProductRepository products, EventPublisher events) {
        this.products = products;
        this.events = events;
    }

    /** Stores and publishes the products that changed since they were last published; leaves the others alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveAndPublish(Collection<Product> changed) {
        for (Product product : unpublished(changed)) {
            events.publish(IntegrationEvents.productUpdated(product));
            product.markPublished();
            products.update(product);
        }
    }

    /** Stores the products that changed, to be announced by the next {@link StockAnnouncements}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveForAnnouncement(Collection<Product> changed) {
        unpublished(changed).forEach(products::update);
    }

    private static List<Product> unpublished(Collection<Product> products) {
        return products.stream().filter(Product::hasUnpublishedChanges).toList();
    }
}
