package dev.eventshop.payment;

import dev.eventshop.testsupport.ListenerContainers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class ConsumerFetchesIT extends IntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void the_order_events_to_compensate_are_fetched_in_batches_and_the_reservations_to_charge_at_once() {
        ListenerContainers listeners = new ListenerContainers(registry);

        listeners.assertFetchedInBatches("order-events");
        listeners.assertFetchedAtOnce("inventory-events");
    }
}
