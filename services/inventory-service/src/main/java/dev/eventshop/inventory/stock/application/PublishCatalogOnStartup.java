package dev.eventshop.inventory.stock.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes the products whose state was never published before the service reports ready, so that on a fresh system
 * the seed catalog reaches every replica without anyone touching a product.
 */
@Component
class PublishCatalogOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PublishCatalogOnStartup.class);

    private final ProductCatalog catalog;

    PublishCatalogOnStartup(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        int published = catalog.publishUnpublished();
        if (published > 0) {
            log.info("Published the state of {} product(s) to the catalog", published);
        } else {
            log.info("Every product's current state is published already");
        }
    }
}
