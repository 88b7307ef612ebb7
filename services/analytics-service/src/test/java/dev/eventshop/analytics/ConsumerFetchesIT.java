package dev.eventshop.analytics;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.testsupport.ListenerContainers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class ConsumerFetchesIT extends IntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void the_projection_fetches_every_topic_in_batches() {
        ListenerContainers listeners = new ListenerContainers(registry);

        for (Topic topic : Topics.ALL) {
            listeners.assertFetchedInBatches(topic.name());
        }
    }
}
