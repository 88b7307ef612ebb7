package dev.eventshop.inventory.stock.application;

import dev.eventshop.housekeeping.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Announces the stock the saga changed: every {@code eventshop.inventory.stock-announcement-interval} (1 s by
 * default), on a thread of its own, publishes the latest state of each product that changed since its last
 * announcement, one {@code ProductUpdated} per product however many orders touched it meanwhile. Under load that is a
 * few records a second instead of two or more per order, each of which the order-service and analytics would read.
 * Nothing is lost: what was not announced is still marked so in the product's row, and the next run, or the next
 * start ({@link PublishCatalogOnStartup}), announces it. Replicas take turns on the product rows' locks.
 */
@Component
@EnableConfigurationProperties(StockAnnouncementProperties.class)
class StockAnnouncements extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(StockAnnouncements.class);

    private final ProductCatalog catalog;

    StockAnnouncements(ProductCatalog catalog, StockAnnouncementProperties properties) {
        super("stock-announcements", properties.stockAnnouncementInterval(), properties.stockAnnouncementInterval());
        this.catalog = catalog;
    }

    @Override
    protected void runOnce() {
        int published = catalog.publishUnpublished();
        log.debug("Announced the stock of {} product(s)", published);
    }
}
