package dev.eventshop.analytics;

import static dev.eventshop.testsupport.ListenerContainers.BATCHED_FETCHES;
import static dev.eventshop.testsupport.ListenerContainers.fetchSettings;
import static org.assertj.core.api.Assertions.assertThat;

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
    void the_projection_fetches_every_topic_in_batches_and_so_do_its_retry_topics() {
        ListenerContainers listeners = new ListenerContainers(registry);

        for (Topic topic : Topics.ALL) {
            assertThat(listeners.reading(topic.name())).as(topic.name()).anyMatch(ListenerContainers::isRetryTopics)
                    .allSatisfy(container -> assertThat(fetchSettings(container)).as(container.getListenerId())
                            .isEqualTo(BATCHED_FETCHES));
        }
    }
}
