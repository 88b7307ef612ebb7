package dev.eventshop.inventory.stock.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topics;
import org.junit.jupiter.api.Test;

class SagaEventListenerTest {

    @Test
    void listens_to_the_order_and_payment_topics_of_the_contract() {
        assertThat(SagaEventListener.ORDER_EVENTS).isEqualTo(Topics.ORDER_EVENTS.name());
        assertThat(SagaEventListener.PAYMENT_EVENTS).isEqualTo(Topics.PAYMENT_EVENTS.name());
    }
}
