package dev.eventshop.email;

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
    void the_order_events_to_mail_are_fetched_in_batches_and_so_are_those_of_its_retry_topics() {
        ListenerContainers listeners = new ListenerContainers(registry);

        assertThat(listeners.reading("order-events")).anyMatch(ListenerContainers::isRetryTopics)
                .allSatisfy(container -> assertThat(fetchSettings(container)).as(container.getListenerId())
                        .isEqualTo(BATCHED_FETCHES));
    }
}
