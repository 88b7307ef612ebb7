package dev.eventshop.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topics;
import org.junit.jupiter.api.Test;

class ProductCatalogListenerTest {

    @Test
    void listens_to_the_product_catalog_topic_of_the_contract() {
        assertThat(ProductCatalogListener.PRODUCT_CATALOG).isEqualTo(Topics.PRODUCT_CATALOG.name());
    }
}
