package dev.eventshop.messaging;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventshop.events.EventPublisher;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Topic;
import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.config.MessagingSchemaAutoConfiguration;
import dev.eventshop.messaging.config.OutboxAutoConfiguration;
import dev.eventshop.messaging.outbox.JdbcOutbox;
import dev.eventshop.messaging.outbox.OutboxMetrics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.TraceContext;
import dev.eventshop.testsupport.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outboxes and relays of one service's database without Spring, as separate replicas would run them: each relay has
 * its own named connection pool (so a test can cut its sessions as a crash would) and its own producer. As a field
 * with {@code @RegisterExtension} ({@link #onTheTestBroker}), each test gets a fresh database and everything is closed
 * after it.
 */
final class StandaloneRelays implements AutoCloseable, AfterEachCallback {

    private final Infrastructure infrastructure = Infrastructure.get();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final String database;
    private final String bootstrapServers;
    final JdbcTemplate admin;
    /** The relays' meters. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A fresh, migrated database; relays publish to {@code bootstrapServers}. */
    StandaloneRelays(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        database = infrastructure.createDatabase("relays");
        Flyway.configure().dataSource(infrastructure.jdbcUrl(database), infrastructure.username(),
                infrastructure.password()).locations(MessagingSchemaAutoConfiguration.MIGRATIONS).load().migrate();
        admin = new JdbcTemplate(pool("test-admin"));
    }

    /** Relays of a fresh database that publish to the tests' broker, to {@code topic} (created if need be). */
    static StandaloneRelays onTheTestBroker(Topic topic) {
        StandaloneRelays relays = new StandaloneRelays(Infrastructure.get().kafkaBootstrapServers());
        relays.createTopic(topic);
        return relays;
    }

    /** Services create their topics at start-up; these tests run no service. */
    void createTopic(Topic topic) {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            kafka.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + topic.name(), e);
        }
    }

    OutboxRelay relay(String name, Duration sendTimeout) {
        return relay(name, settings(sendTimeout), producer -> producer, new AtomicInteger());
    }

    /** The settings these tests run relays with: quick polls and short backoffs. */
    static MessagingProperties.Relay settings(Duration sendTimeout) {
        return MessagingProperties.defaults().relay()
                .withPollInterval(Duration.ofMillis(500))
                .withSendTimeout(sendTimeout)
                .withMaxBackoff(Duration.ofSeconds(1));
    }

    /**
     * A relay with {@code settings}, whose producer {@code decorate} may wrap to inject faults, and which counts
     * the transactions it runs in {@code transactions}.
     */
    OutboxRelay relay(String name, MessagingProperties.Relay settings,
            UnaryOperator<Producer<String, byte[]>> decorate, AtomicInteger transactions) {
        return relay(name, settings, decorate, transactions, bootstrapServers);
    }

    /** A relay whose producer points at a port where no broker listens: every send times out. */
    OutboxRelay relayToNowhere(String name, MessagingProperties.Relay settings) {
        return relay(name, settings, producer -> producer, new AtomicInteger(), "localhost:1");
    }

    private OutboxRelay relay(String name, MessagingProperties.Relay settings,
            UnaryOperator<Producer<String, byte[]>> decorate, AtomicInteger transactions, String brokers) {
        HikariDataSource pool = pool(name);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(OutboxAutoConfiguration
                .relayProducerProperties(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), settings));
        TransactionTemplate counted = new TransactionTemplate(new DataSourceTransactionManager(pool)) {
            @Override
            public <T> @Nullable T execute(TransactionCallback<T> action) {
                transactions.incrementAndGet();
                return super.execute(action);
            }
        };
        OutboxRelay relay = new OutboxRelay(name, pool, counted, decorate.apply(producer),
                new TraceContext(null, null), new OutboxMetrics(new JdbcTemplate(pool), Clock.systemUTC(), meters),
                settings);
        resources.add(relay::stop);
        return relay;
    }

    /** What the database sees when a replica's process dies: its sessions end, and its lock with them. */
    void crash(OutboxRelay relay, String name) {
        admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                name);
        relay.stop();
    }

    /** An outbox as the service's business code uses it, with the transaction to append in. */
    Appender appender() {
        HikariDataSource pool = pool("app");
        return new Appender(new JdbcOutbox(new JdbcTemplate(pool), new TraceContext(null, null), Clock.systemUTC(),
                new SimpleMeterRegistry()), new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    int pending() {
        return admin.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Integer.class);
    }

    private HikariDataSource pool(String applicationName) {
        HikariDataSource pool = new HikariDataSource();
        String url = infrastructure.jdbcUrl(database);
        pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName);
        pool.setUsername(infrastructure.username());
        pool.setPassword(infrastructure.password());
        pool.setMaximumPoolSize(4);
        resources.add(pool);
        return pool;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    record Appender(EventPublisher outbox, TransactionTemplate transaction) {

        void append(IntegrationEvent event) {
            transaction.executeWithoutResult(status -> outbox.publish(event));
        }
    }
}
