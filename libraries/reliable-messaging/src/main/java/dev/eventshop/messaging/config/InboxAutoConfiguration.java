package dev.eventshop.messaging.config;

import dev.eventshop.messaging.inbox.EventProcessingObservationConvention;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEventDeserializer;
import dev.eventshop.messaging.inbox.JdbcIdempotentConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consuming: listeners receive decoded {@code IncomingEvent}s in the service's own consumer group, each processed at
 * most once ({@link Inbox}, over an {@link IdempotentConsumer}), inside a consumer span that continues the record's
 * trace.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Environment environment) {
        return new JdbcIdempotentConsumer(jdbc, new TransactionTemplate(transactionManager),
                ServiceName.of(environment));
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(IdempotentConsumer consumer, ObjectProvider<MeterRegistry> meters) {
        return new Inbox(consumer, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * Consumers decode CloudEvents into {@code IncomingEvent}s behind an {@link ErrorHandlingDeserializer}, join the
     * service's own group, and start from the earliest offset so that nothing published before they joined is missed.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer incomingEventConsumers(Environment environment) {
        return factory -> {
            Map<String, Object> current = factory.getConfigurationProperties();
            Map<String, Object> updates = new HashMap<>();
            updates.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
            updates.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
            updates.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
            updates.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, IncomingEventDeserializer.class);
            if (!current.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
                updates.put(ConsumerConfig.GROUP_ID_CONFIG, ServiceName.of(environment));
            }
            if (!current.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                updates.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            factory.updateConfigs(updates);
        };
    }

    /**
     * Listener spans continue the trace in each record's {@code traceparent}, named and described as OpenTelemetry's
     * messaging conventions say.
     */
    @Bean
    static BeanPostProcessor listenerObservation() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    factory.getContainerProperties().setObservationEnabled(true);
                    factory.getContainerProperties().setObservationConvention(
                            new EventProcessingObservationConvention());
                }
                return bean;
            }
        };
    }
}
