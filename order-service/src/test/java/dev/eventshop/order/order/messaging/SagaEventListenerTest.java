package dev.eventshop.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topics;
import org.junit.jupiter.api.Test;

class SagaEventListenerTest {

    @Test
    void listens_to_the_inventory_and_payment_topics_of_the_contract() {
        assertThat(SagaEventListener.INVENTORY_EVENTS).isEqualTo(Topics.INVENTORY_EVENTS.name());
        assertThat(SagaEventListener.PAYMENT_EVENTS).isEqualTo(Topics.PAYMENT_EVENTS.name());
    }
}
