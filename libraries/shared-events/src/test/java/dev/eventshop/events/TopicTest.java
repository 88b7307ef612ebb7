package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void aKeyOfSeveralWordsBecomesACamelCaseFieldName() {
        assertThat(Topics.ORDER_EVENTS.keyField()).isEqualTo("orderId");
    }

    @Test
    void aKeyOfOneWordIsItsOwnFieldName() {
        assertThat(Topics.PRODUCT_CATALOG.keyField()).isEqualTo("sku");
    }
}
