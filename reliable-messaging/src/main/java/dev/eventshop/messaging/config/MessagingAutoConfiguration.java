package dev.eventshop.messaging.config;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.MessagingHousekeeping;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.messaging.inbox.EventProcessingObservationConvention;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEventDeserializer;
import dev.eventshop.messaging.inbox.JdbcIdempotentConsumer;
import dev.eventshop.messaging.outbox.JdbcOutbox;
import dev.eventshop.messaging.outbox.Outbox;
import dev.eventshop.messaging.outbox.OutboxMetrics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the library into a service: the outbox and its relay, the idempotent consumer, consumers that decode
 * CloudEvents safely, retry and dead-letter topics, the system's topics, and the library's own Flyway migrations.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = FlywayAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** Where the library's migrations live; versions {@code 0.x} run before a service's own {@code V1}. */
    public static final String MIGRATIONS = "classpath:db/messaging";

    @Bean
    FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            Location messaging = new Location(MIGRATIONS);
            if (!locations.contains(messaging)) {
                locations.add(messaging);
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcTemplate jdbc, TraceContext trace, ObjectProvider<MeterRegistry> meters) {
        return new JdbcOutbox(jdbc, trace, Clock.systemUTC(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters) {
        return new OutboxMetrics(jdbc, Clock.systemUTC(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnProperty(name = "eventshop.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
            KafkaProperties kafka, TraceContext trace, OutboxMetrics metrics, MessagingProperties properties,
            Environment environment) {
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
                relayProducerProperties(kafka.buildProducerProperties(), properties.getRelay()));
        return new OutboxRelay(serviceName(environment), dataSource, new TransactionTemplate(transactionManager),
                producers.createProducer(), trace, metrics, properties.getRelay());
    }

    /** Idempotent, acknowledged by every in-sync replica, and bounded so an outage surfaces as a retried batch. */
    public static Map<String, Object> relayProducerProperties(Map<String, Object> base,
            MessagingProperties.Relay relay) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        int sendTimeout = (int) relay.getSendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(sendTimeout / 2, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(sendTimeout / 2, 10_000));
        return config;
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Environment environment) {
        return new JdbcIdempotentConsumer(jdbc, new TransactionTemplate(transactionManager), serviceName(environment));
    }

    @Bean
    MessagingHousekeeping messagingHousekeeping(JdbcTemplate jdbc, MessagingProperties properties) {
        return new MessagingHousekeeping(jdbc, properties, Clock.systemUTC());
    }

    /** The system's topics, created at start-up if missing (existing ones are left as they are). */
    @Bean
    KafkaAdmin.NewTopics eventshopTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> newTopic(topic, properties.getTopics().getReplicationFactor()))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    private static org.apache.kafka.clients.admin.NewTopic newTopic(Topic topic, short replicas) {
        TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(replicas);
        if (topic.compacted()) {
            builder.compact();
        } else {
            // Kept for good: a rebuild of a read model replays every topic from the start.
            builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        return builder.build();
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
                updates.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName(environment));
            }
            if (!current.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                updates.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            factory.updateConfigs(updates);
        };
    }

    @Bean
    RetryTopicConfiguration eventshopRetryTopics(KafkaProperties kafka, MessagingProperties properties,
            Environment environment, ObjectProvider<MeterRegistry> meters) {
        String service = serviceName(environment);
        return RetryTopics.configuration(service, properties,
                RetryTopics.template(kafka.buildProducerProperties(), service,
                        meters.getIfAvailable(() -> Metrics.globalRegistry)),
                Topics.ALL.stream().mapToInt(Topic::partitions).max().orElse(1));
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

    static String serviceName(Environment environment) {
        return environment.getProperty("spring.application.name", "application");
    }
}
