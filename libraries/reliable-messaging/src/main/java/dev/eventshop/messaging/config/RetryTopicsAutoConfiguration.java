package dev.eventshop.messaging.config;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.errors.InPlaceRetries;
import dev.eventshop.messaging.errors.RetryTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.retrytopic.RetryTopicComponentFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

/**
 * Failures of every listener: a failure of the record goes through the retry topics, then the dead-letter topic
 * ({@link RetryTopics}); a failure of the database or broker is retried in place ({@link InPlaceRetries}).
 */
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

    /** Spring Kafka builds the retry topics' error handlers with this factory, so each retries in place. */
    @Bean
    RetryTopicComponentFactory eventshopInPlaceRetries(KafkaProperties kafka, MessagingProperties properties,
            Environment environment, ObjectProvider<MeterRegistry> meters) {
        MessagingProperties.Infrastructure settings = properties.retry().infrastructure();
        Duration maxPollInterval = maxPollInterval(kafka);
        if (settings.maxInterval().compareTo(maxPollInterval) >= 0) {
            // The consumer thread sleeps through the pause: a pause this long would get it evicted from its group.
            throw new IllegalStateException("eventshop.messaging.retry.infrastructure.max-interval ("
                    + settings.maxInterval() + ") must be shorter than the consumer's max.poll.interval.ms ("
                    + maxPollInterval.toMillis() + ")");
        }
        return new InPlaceRetries(settings, meters.getIfAvailable(() -> Metrics.globalRegistry),
                ServiceName.of(environment)).componentFactory();
    }

    private static Duration maxPollInterval(KafkaProperties kafka) {
        Object configured = kafka.buildConsumerProperties().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        return Duration.ofMillis(configured == null ? 300_000 : Long.parseLong(configured.toString()));
    }
}
