package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureProcessesIT {

    private static final List<TopicSpec> TOPICS = Topics.ALL.stream().map(TopicSpec::of).toList();

    @TempDir
    Path dataDir;

    private KafkaBroker kafka;
    private PostgresServer postgres;

    @AfterEach
    void stopWhateverStillRuns() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void kafkaKeepsItsTopicsAndRecordsWhenItIsStoppedAndStartedAgain() throws Exception {
        kafka = new KafkaBroker(dataDir.resolve("kafka"), 0);
        kafka.start();
        String bootstrapServers = kafka.bootstrapServers();
        kafka.createTopics(TOPICS);
        kafka.createTopics(TOPICS);

        assertThat(cleanupPolicies()).containsEntry("product-catalog", "compact")
                .containsEntry("order-events", "delete");

        produce("order-events", "order-1", "{\"type\":\"OrderPlaced\"}");
        assertThat(readAll("order-events")).containsExactly("order-1={\"type\":\"OrderPlaced\"}");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !Watchdog.isWatchdog(process))).isEmpty();

        kafka.start();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(readAll("order-events")).containsExactly("order-1={\"type\":\"OrderPlaced\"}");

        kafka.stop();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !Watchdog.isWatchdog(process))).isEmpty();
    }

    @Test
    void postgresKeepsItsDatabasesWhenItIsStoppedAndStartedAgain() throws Exception {
        postgres = new PostgresServer(dataDir.resolve("postgres"), 0);
        postgres.start();
        postgres.createDatabaseIfMissing("orders");
        postgres.createDatabaseIfMissing("orders");
        execute("create table placed (id text primary key)", "insert into placed values ('order-1')");
        ProcessHandle postmaster = postmaster();

        postgres.stop();
        assertThat(postmaster.isAlive()).isFalse();

        postgres.start();
        assertThat(queryFirstColumn("select id from placed")).containsExactly("order-1");
        ProcessHandle restartedPostmaster = postmaster();

        postgres.stop();
        assertThat(restartedPostmaster.isAlive()).isFalse();
    }

    private Map<String, String> cleanupPolicies() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<ConfigResource> topics = TOPICS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                    .toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get();
            return configs.entrySet().stream().collect(Collectors.toMap(
                    entry -> entry.getKey().name(), entry -> entry.getValue().get("cleanup.policy").value()));
        }
    }

    private void produce(String topic, String key, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every record of the topic as {@code key=value}, read from the beginning without a consumer group. */
    private List<String> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = connectToOrders(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> queryFirstColumn(String query) throws SQLException {
        try (Connection connection = connectToOrders();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    private Connection connectToOrders() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("orders"), PostgresServer.USERNAME,
                PostgresServer.PASSWORD);
    }

    /** PostgreSQL detaches from its starter, so it is not a descendant of this JVM: its pid file names it. */
    private ProcessHandle postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres/pgdata/postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        return ProcessHandle.of(pid).orElseThrow();
    }
}
