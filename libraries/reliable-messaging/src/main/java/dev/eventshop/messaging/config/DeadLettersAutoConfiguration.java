package dev.eventshop.messaging.config;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.deadletters.DeadLetters;
import dev.eventshop.messaging.deadletters.jdbc.JdbcRedriveLog;
import dev.eventshop.messaging.deadletters.kafka.DeadLetterRetention;
import dev.eventshop.messaging.deadletters.kafka.KafkaDeadLetterTopics;
import dev.eventshop.messaging.deadletters.metrics.DeadLetterDepth;
import dev.eventshop.messaging.deadletters.web.DeadLettersController;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters a service can see and redrive ({@link DeadLetters}), kept until deleted, with their depth as a gauge;
 * in a servlet service also {@code /dead-letters} over HTTP. The web adapter lives here, next to the topics and
 * headers it reads, rather than in service-web, which knows nothing of Kafka; Spring MVC is an optional dependency of
 * this library, so a service without a web server gets the rest and no controller.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLettersAutoConfiguration {

    /** Every topic of the system: a service has a dead-letter topic for each one it consumes. */
    private static final List<String> TOPICS = Topics.ALL.stream().map(Topic::name).toList();

    @Bean(destroyMethod = "close")
    KafkaDeadLetterTopics deadLetterTopics(KafkaProperties kafka, Environment environment) {
        return new KafkaDeadLetterTopics(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                ServiceName.of(environment), TOPICS);
    }

    @Bean
    JdbcRedriveLog redriveLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new JdbcRedriveLog(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    DeadLetters deadLetters(KafkaDeadLetterTopics topics, JdbcRedriveLog redrives, DeadLetterProperties properties) {
        return new DeadLetters(topics, redrives, Clock.systemUTC(), properties.maxScan());
    }

    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters,
            Environment environment) {
        return new DeadLetterDepth(deadLetters, meters.getIfAvailable(() -> Metrics.globalRegistry),
                ServiceName.of(environment), TOPICS);
    }

    @Bean
    DeadLetterUpkeep deadLetterUpkeep(KafkaProperties kafka, Environment environment, DeadLetterDepth depth,
            DeadLetterProperties properties) {
        return new DeadLetterUpkeep(new DeadLetterRetention(kafka.buildAdminProperties(), ServiceName.of(environment),
                TOPICS), depth, properties.upkeepInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class Web {

        @Bean
        DeadLettersController deadLettersController(DeadLetters deadLetters, DeadLetterProperties properties,
                ObjectProvider<Tracer> tracer) {
            return new DeadLettersController(deadLetters, properties.maxRedrive(), tracer);
        }
    }
}
