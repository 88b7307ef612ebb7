package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

@MessagingTestContext
class OffsetCommitsIT {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void every_listener_container_main_and_retry_commits_its_offsets_once_a_second_not_after_every_poll() {
        List<MessageListenerContainer> containers = List.copyOf(listeners.getListenerContainers());

        // The probe listener's main container and one per retry topic.
        assertThat(containers).extracting(MessageListenerContainer::getListenerId)
                .anyMatch(id -> id.contains("retry"))
                .anyMatch(id -> !id.contains("retry"));
        assertThat(containers).allSatisfy(container -> {
            ContainerProperties properties = container.getContainerProperties();
            assertThat(properties.getAckMode()).as(container.getListenerId())
                    .isEqualTo(ContainerProperties.AckMode.TIME);
            assertThat(Duration.ofMillis(properties.getAckTime())).as(container.getListenerId())
                    .isEqualTo(Duration.ofSeconds(1));
        });
    }
}
