package dev.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.messaging.config.MessagingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxRelayLifecycleTest {

    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final OutboxRelay relay = relay(producer);

    @Test
    void the_relay_stops_after_the_web_server_drained_and_the_kafka_listener_containers_stopped() {
        // Spring stops higher phases first.
        assertThat(relay.getPhase())
                .isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
                .isLessThan(new KafkaListenerEndpointRegistry().getPhase())
                .isLessThan(AbstractMessageListenerContainer.DEFAULT_PHASE);
    }

    @Test
    void closing_the_context_stops_the_listeners_first_and_the_relay_last_and_closes_its_producer() {
        List<String> stopped = new ArrayList<>();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("relay", SmartLifecycle.class, () -> new Recording("relay", relay, stopped));
            context.registerBean("listeners", SmartLifecycle.class, () -> new Recording("listeners",
                    new KafkaListenerEndpointRegistry(), stopped));
            context.registerBean("gracefulShutdown", SmartLifecycle.class, () -> new Recording("web server drained",
                    new WebServerGracefulShutdownLifecycle(null), stopped));
            context.refresh();
        }

        assertThat(stopped).containsExactly("listeners", "web server drained", "relay");
        assertThat(producer.closed()).isTrue();
    }

    private static OutboxRelay relay(MockProducer<String, byte[]> producer) {
        DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://localhost:1/none");
        return new OutboxRelay("test", nowhere, new TransactionTemplate(), producer, new TraceContext(null, null),
                new OutboxMetrics(new JdbcTemplate(nowhere), Clock.systemUTC(), new SimpleMeterRegistry()),
                MessagingProperties.defaults().relay());
    }

    /**
     * Takes the phase of what it stands for and records when it is stopped; stopping stands in for the relay's
     * start, which needs a database, and stops the relay itself.
     */
    private static final class Recording implements SmartLifecycle {

        private final String name;
        private final SmartLifecycle phaseOf;
        private final List<String> stopped;
        private volatile boolean running;

        Recording(String name, SmartLifecycle phaseOf, List<String> stopped) {
            this.name = name;
            this.phaseOf = phaseOf;
            this.stopped = stopped;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            stopped.add(name);
            if (phaseOf instanceof OutboxRelay relay) {
                relay.stop();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phaseOf.getPhase();
        }
    }
}
