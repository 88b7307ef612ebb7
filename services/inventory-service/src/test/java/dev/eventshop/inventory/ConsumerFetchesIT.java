package dev.eventshop.inventory;

import dev.eventshop.testsupport.ListenerContainers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class ConsumerFetchesIT extends IntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void the_orders_to_reserve_are_fetched_at_once_and_the_payment_events_to_compensate_in_batches() {
        ListenerContainers listeners = new ListenerContainers(registry);

        listeners.assertFetchedAtOnce("order-events");
        listeners.assertFetchedInBatches("payment-events");
    }
}
