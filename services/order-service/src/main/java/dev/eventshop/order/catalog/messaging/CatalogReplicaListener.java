package dev.eventshop.order.catalog.messaging;

import dev.eventshop.events.Topics;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import dev.eventshop.order.catalog.application.CatalogReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog replica up to date from the compacted {@code product-catalog} topic. */
@Component
class CatalogReplicaListener {

    /** The listener's container, whose consumer group {@link CatalogReplicaReadiness} watches. */
    static final String ID = "catalog-replica";

    private static final Logger log = LoggerFactory.getLogger(CatalogReplicaListener.class);

    private final EventHandlers handlers;

    CatalogReplicaListener(Inbox inbox, CatalogReplica catalog) {
        handlers = inbox.handlers()
                .on(ProductUpdated.class, (product, event) -> {
                    catalog.save(product);
                    log.info("Catalog: {} at {}", product.sku(), product.price());
                })
                .build();
    }

    // The id names the container; the group stays the service's own.
    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.Names.PRODUCT_CATALOG)
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
