package dev.eventshop.payment.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topics;
import org.junit.jupiter.api.Test;

class StockReservedListenerTest {

    @Test
    void listens_to_the_inventory_topic_of_the_contract() {
        assertThat(StockReservedListener.INVENTORY_EVENTS).isEqualTo(Topics.INVENTORY_EVENTS.name());
    }
}
