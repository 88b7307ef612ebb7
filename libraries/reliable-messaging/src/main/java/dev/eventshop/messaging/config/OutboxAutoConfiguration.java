package dev.eventshop.messaging.config;

import dev.eventshop.events.EventPublisher;
import dev.eventshop.messaging.outbox.JdbcOutbox;
import dev.eventshop.messaging.outbox.OutboxMetrics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing: the {@link EventPublisher} every service uses (a transactional outbox), its relay to Kafka, the trace
 * that follows each event, and the outbox's metrics.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(JdbcTemplate jdbc, TraceContext trace, ObjectProvider<MeterRegistry> meters) {
        return new JdbcOutbox(jdbc, trace, Clock.systemUTC(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters) {
        return new OutboxMetrics(jdbc, Clock.systemUTC(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnProperty(name = MessagingProperties.PREFIX + ".relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
            KafkaProperties kafka, TraceContext trace, OutboxMetrics metrics, MessagingProperties properties,
            Environment environment) {
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
                relayProducerProperties(kafka.buildProducerProperties(), properties.relay()));
        // A batch's transaction is bounded by the database (RelayLeadership): a Spring timeout here would make the
        // driver schedule a timer task for every statement of every batch.
        TransactionTemplate batch = new TransactionTemplate(transactionManager);
        return new OutboxRelay(ServiceName.of(environment), dataSource, batch, producers.createProducer(), trace,
                metrics, properties.relay());
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
        // Kafka 4's default of 5 ms holds a record back for others to share its request. The relay appends its whole
        // batch in one loop before it waits, so what it would hold back for has come already: the linger was only a
        // wait, at each step of the saga. Records appended while a request is in flight still share the next one.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A batch of the relay sends up to batch-size rows at once: room for more of them in each request.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        int sendTimeout = (int) relay.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(sendTimeout / 2, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(sendTimeout / 2, 10_000));
        return config;
    }
}
