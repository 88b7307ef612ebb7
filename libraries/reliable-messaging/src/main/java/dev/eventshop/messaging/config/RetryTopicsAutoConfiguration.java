package dev.eventshop.messaging.config;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.errors.RetryTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

/** Failures of a record: every listener's retry topics, then its dead-letter topic ({@link RetryTopics}). */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class RetryTopicsAutoConfiguration {

    @Bean
    RetryTopicConfiguration eventshopRetryTopics(KafkaProperties kafka, MessagingProperties properties,
            Environment environment, ObjectProvider<MeterRegistry> meters) {
        String service = ServiceName.of(environment);
        return RetryTopics.configuration(service, properties,
                RetryTopics.template(kafka.buildProducerProperties(), service,
                        meters.getIfAvailable(() -> Metrics.globalRegistry)),
                Topics.ALL.stream().mapToInt(Topic::partitions).max().orElse(1));
    }
}
