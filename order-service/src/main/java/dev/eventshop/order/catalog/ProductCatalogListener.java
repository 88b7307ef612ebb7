package dev.eventshop.order.catalog;

import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog replica up to date from the compacted {@code product-catalog} topic. */
@Component
class ProductCatalogListener {

    /** {@code Topics.PRODUCT_CATALOG}, as a constant for the annotation. */
    static final String PRODUCT_CATALOG = "product-catalog";

    private static final Logger log = LoggerFactory.getLogger(ProductCatalogListener.class);

    private final IdempotentConsumer consumer;
    private final ProductCatalog catalog;

    ProductCatalogListener(IdempotentConsumer consumer, ProductCatalog catalog) {
        this.consumer = consumer;
        this.catalog = catalog;
    }

    @KafkaListener(topics = PRODUCT_CATALOG)
    void on(IncomingEvent<?> event) {
        consumer.handleOnce(event, () -> {
            if (event.payload() instanceof ProductUpdated product) {
                catalog.save(product);
                log.info("Catalog: {} at {}", product.sku(), product.price());
            }
        });
    }
}
