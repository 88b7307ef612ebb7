package dev.eventshop.payment;

import static dev.eventshop.testsupport.ListenerContainers.BATCHED_FETCHES;
import static dev.eventshop.testsupport.ListenerContainers.fetchSettings;
import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(listeners.reading("order-events")).anyMatch(ListenerContainers::isRetryTopics)
                .allSatisfy(container -> assertThat(fetchSettings(container)).as(container.getListenerId())
                        .isEqualTo(BATCHED_FETCHES));
        assertThat(listeners.reading("inventory-events")).anyMatch(ListenerContainers::isRetryTopics)
                .allSatisfy(container -> assertThat(fetchSettings(container)).as(container.getListenerId())
                        .isEmpty());
    }
}
