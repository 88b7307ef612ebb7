package dev.eventshop.analytics.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

class ProjectionListenerTest {

    @Test
    void reads_every_topic_of_the_system() throws NoSuchMethodException {
        KafkaListener listener = ProjectionListener.class.getDeclaredMethod("on", IncomingEvent.class)
                .getAnnotation(KafkaListener.class);

        assertThat(listener.topics()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    }
}
