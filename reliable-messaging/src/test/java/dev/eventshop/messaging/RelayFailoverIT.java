package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.config.MessagingAutoConfiguration;
import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.JdbcIdempotentConsumer;
import dev.eventshop.messaging.outbox.JdbcOutbox;
import dev.eventshop.messaging.outbox.Outbox;
import dev.eventshop.messaging.outbox.OutboxMetrics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.TraceContext;
import dev.eventshop.testsupport.Infrastructure;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays of one service on one database, as two replicas would run them, without Spring: each has its own
 * connection pool (named, so the test can cut its sessions as a crash would) and its own producer.
 */
class RelayFailoverIT {

    private static final int EVENTS = 2_000;
    private static final int KEYS = 50;

    private final Infrastructure infrastructure = Infrastructure.get();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private String database;
    private JdbcTemplate admin;

    @BeforeEach
    void migrateAFreshDatabase() throws Exception {
        database = infrastructure.createDatabase("relays");
        Flyway.configure().dataSource(infrastructure.jdbcUrl(database), infrastructure.username(),
                infrastructure.password()).locations(MessagingAutoConfiguration.MIGRATIONS).load().migrate();
        admin = new JdbcTemplate(pool("test-admin"));
        createTopic(infrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS);
    }

    /** Services create their topics at start-up; this test runs no service. */
    static void createTopic(String bootstrapServers, Topic topic) throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            kafka.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void when_the_active_relay_dies_mid_stream_the_standby_takes_over_and_nothing_is_lost_or_reordered() {
        OutboxRelay first = relay("relay-a");
        OutboxRelay second = relay("relay-b");
        first.start();
        second.start();
        HikariDataSource appPool = pool("app");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(appPool));
        Outbox outbox = new JdbcOutbox(new JdbcTemplate(appPool), new TraceContext(null, null), Clock.systemUTC(),
                new SimpleMeterRegistry());
        List<OrderId> keys = IntStream.range(0, KEYS).mapToObj(i -> OrderId.newId()).toList();

        OutboxRelay killed = null;
        for (int i = 0; i < EVENTS; i++) {
            OrderId key = keys.get(i % KEYS);
            int sequence = i / KEYS + 1;
            transaction.executeWithoutResult(status -> outbox.append(Samples.orderPlaced(key, sequence)));
            if (i == EVENTS / 2) {
                await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeading() || second.isLeading());
                killed = first.isLeading() ? first : second;
                crash(killed, killed == first ? "relay-a" : "relay-b");
            }
        }
        OutboxRelay survivor = killed == first ? second : first;

        Set<String> ourKeys = new HashSet<>(keys.stream().map(OrderId::toString).toList());
        List<ConsumerRecord<String, byte[]>> records;
        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS.name())) {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> distinctEventIds(probe.matching(record -> ourKeys.contains(record.key()))) == EVENTS);
            records = probe.matching(record -> ourKeys.contains(record.key()));
        }

        assertThat(survivor.isLeading()).isTrue();
        assertThat(admin.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL",
                Integer.class)).isZero();
        // Per key, each event first arrives in the order it was appended.
        Map<String, List<Integer>> firstArrivals = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (seen.add(TopicProbe.header(record, "ce_id"))) {
                firstArrivals.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(Samples.sequenceOf(record.value()));
            }
        }
        List<Integer> expected = IntStream.rangeClosed(1, EVENTS / KEYS).boxed().toList();
        assertThat(firstArrivals).hasSize(KEYS).allSatisfy((key, sequence) -> assertThat(sequence).isEqualTo(expected));
        // Whatever the takeover sent twice, an idempotent consumer applies once.
        IdempotentConsumer consumer = new JdbcIdempotentConsumer(admin, new TransactionTemplate(
                new DataSourceTransactionManager(admin.getDataSource())), "failover-test");
        AtomicInteger effects = new AtomicInteger();
        for (ConsumerRecord<String, byte[]> record : records) {
            consumer.handleOnce(EventRecords.decode(record.headers(), record.value()), effects::incrementAndGet);
        }
        assertThat(effects).hasValue(EVENTS);
        System.out.printf("Failover: %d records for %d events (%d duplicates from the takeover)%n", records.size(),
                EVENTS, records.size() - EVENTS);
    }

    private static long distinctEventIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> TopicProbe.header(record, "ce_id")).distinct().count();
    }

    /** What the database sees when a replica's process dies: its sessions end, and its lock with them. */
    private void crash(OutboxRelay relay, String name) {
        admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                name);
        relay.stop();
    }

    private OutboxRelay relay(String name) {
        HikariDataSource pool = pool(name);
        MessagingProperties.Relay settings = new MessagingProperties().getRelay();
        settings.setPollInterval(Duration.ofMillis(500));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(MessagingAutoConfiguration
                .relayProducerProperties(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafkaBootstrapServers()), settings));
        OutboxRelay relay = new OutboxRelay(name, pool,
                new TransactionTemplate(new DataSourceTransactionManager(pool)), producer,
                new TraceContext(null, null), new OutboxMetrics(new JdbcTemplate(pool), Clock.systemUTC(),
                        new SimpleMeterRegistry()), settings);
        resources.add(relay::stop);
        return relay;
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
}
