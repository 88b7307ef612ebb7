package dev.eventshop.messaging.errors;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.config.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.ListenerContainerFactoryConfigurer;
import org.springframework.kafka.retrytopic.RetryTopicComponentFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Blocking retries, in place, for failures of the infrastructure ({@link InfrastructureFailures}): the listener
 * container seeks back to the failed record and delivers it again after a pause that grows up to
 * {@code eventshop.messaging.retry.infrastructure.max-interval}, for as long as the database, broker or other
 * dependency stays away. Nothing is forwarded meanwhile, so the partition waits, later records of the same key stay
 * behind the failed one, and no retry topic or dead-letter topic sees a record that did nothing wrong. A failure of the
 * record itself gets no blocking retry and goes on at once to the retry topics ({@link RetryTopics}), as before.
 *
 * <p>Spring Kafka's retry topics build one {@link DefaultErrorHandler} per listener container, main and retry topics
 * alike; {@link #componentFactory} customizes each (Spring Kafka's "combining blocking and non-blocking retries"). The
 * handler sleeps on the consumer thread between attempts, so a pause must stay below the consumer's
 * {@code max.poll.interval.ms}, or the broker would evict the consumer from its group mid-retry; every attempt returns
 * to the poll loop, so only one attempt and one pause count against it.
 *
 * <p>Each in-place retry is counted ({@value #METRIC}, by source topic) and logged once as a warning that names the
 * failure, without a stack trace.
 */
public final class InPlaceRetries {

    /** Deliveries retried in place because the database, broker or another dependency was unavailable, by topic. */
    public static final String METRIC = "eventshop.messaging.infrastructure.retries";

    private static final Logger log = LoggerFactory.getLogger(InPlaceRetries.class);
    private static final BackOff NOT_IN_PLACE = new FixedBackOff(0, 0);

    private final BackOff backOff;
    private final MeterRegistry meters;
    private final String service;

    public InPlaceRetries(MessagingProperties.Infrastructure settings, MeterRegistry meters, String service) {
        ExponentialBackOff exponential = new ExponentialBackOff(settings.initialInterval().toMillis(),
                settings.multiplier());
        exponential.setMaxInterval(settings.maxInterval().toMillis());
        // no limit on attempts or elapsed time: the dependency comes back, and the record waits for it
        this.backOff = exponential;
        this.meters = meters;
        this.service = service;
        // Every series exists from the start at zero, so an alert on an increase fires on the first retry.
        for (Topic topic : Topics.ALL) {
            meters.counter(METRIC, "topic", topic.name());
        }
    }

    /** The component factory that hands every retry-topic error handler to {@link #configure}. */
    public RetryTopicComponentFactory componentFactory() {
        return new RetryTopicComponentFactory() {
            @Override
            public ListenerContainerFactoryConfigurer listenerContainerFactoryConfigurer(
                    KafkaConsumerBackoffManager backoffManager, DeadLetterPublishingRecovererFactory recoverers,
                    Clock clock) {
                ListenerContainerFactoryConfigurer configurer = super.listenerContainerFactoryConfigurer(
                        backoffManager, recoverers, clock);
                configurer.setErrorHandlerCustomizer(InPlaceRetries.this::configure);
                return configurer;
            }
        };
    }

    /** Retries infrastructure failures in place; lets every other failure through to the recoverer at once. */
    public void configure(DefaultErrorHandler errorHandler) {
        // Every failure reaches the back-off function, which tells the two kinds apart by the whole cause chain.
        errorHandler.setClassifications(Map.of(), true);
        errorHandler.setBackOffFunction(this::backOffFor);
        errorHandler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception failure, int attempt) {
                if (failure != null) {
                    InfrastructureFailures.dependencyFailureIn(failure)
                            .ifPresent(cause -> retryingInPlace(record, cause, attempt));
                }
            }
        });
    }

    BackOff backOffFor(ConsumerRecord<?, ?> record, @Nullable Exception failure) {
        return failure != null && InfrastructureFailures.isInfrastructureFailure(failure) ? backOff : NOT_IN_PLACE;
    }

    private void retryingInPlace(ConsumerRecord<?, ?> record, Throwable cause, int attempt) {
        meters.counter(METRIC, "topic", sourceTopic(record.topic())).increment();
        log.warn("A dependency is unavailable, so {}-{}@{} is retried in place (attempt {}): {}", record.topic(),
                record.partition(), record.offset(), attempt, describe(cause));
    }

    /** The topic a retry topic's record came from, so retries of one topic count together. */
    private String sourceTopic(String topic) {
        int suffix = topic.indexOf(RetryTopics.retrySuffix(service));
        return suffix < 0 ? topic : topic.substring(0, suffix);
    }

    /** The failure and what it came from, on one line. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        for (Throwable next = cause.getCause(); next != null && next != root; next = next.getCause()) {
            root = next;
        }
        String failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return root == cause ? failure : failure + " (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                + ")";
    }
}
