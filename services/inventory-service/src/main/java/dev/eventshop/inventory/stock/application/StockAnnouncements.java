package dev.eventshop.inventory.stock.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
class StockAnnouncements implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StockAnnouncements.class);

    private final ProductCatalog catalog;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    StockAnnouncements(ProductCatalog catalog,
            @Value("${eventshop.inventory.stock-announcement-interval:1s}") Duration interval) {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException(
                    "eventshop.inventory.stock-announcement-interval must be positive: " + interval);
        }
        this.catalog = catalog;
        this.interval = interval;
    }

    private void announce() {
        try {
            int published = catalog.publishUnpublished();
            log.debug("Announced the stock of {} product(s)", published);
        } catch (RuntimeException e) {
            log.warn("Announcing the stock failed, will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        long every = interval.toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("stock-announcements").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::announce, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
