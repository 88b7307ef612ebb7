package dev.eventshop.messaging.config;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The system's topics, created at start-up if missing (existing ones are left as they are). */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics eventshopTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> newTopic(topic, properties.topics().replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(Topic topic, short replicas) {
        TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(replicas);
        if (topic.compacted()) {
            builder.compact();
        } else {
            // Kept for good: a rebuild of a read model replays every topic from the start.
            builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        return builder.build();
    }
}
