package dev.eventshop.order.catalog;

import dev.eventshop.events.Topics;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog replica up to date from the compacted {@code product-catalog} topic. */
@Component
class ProductCatalogListener {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalogListener.class);

    private final EventHandlers handlers;

    ProductCatalogListener(Inbox inbox, ProductCatalog catalog) {
        handlers = inbox.handlers()
                .on(ProductUpdated.class, (product, event) -> {
                    catalog.save(product);
                    log.info("Catalog: {} at {}", product.sku(), product.price());
                })
                .build();
    }

    @KafkaListener(topics = Topics.Names.PRODUCT_CATALOG)
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
