package dev.eventshop.order.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Infrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * The catalog replica's readiness against a real broker, on a catalog topic of its own: how far the consumer group
 * has committed decides, from the ends the topic had when first asked with records on it.
 */
class CatalogReplicaReadinessIT {

    private final String topic = "product-catalog-" + UUID.randomUUID();
    private final String group = "order-service-" + UUID.randomUUID();
    private final String bootstrapServers = Infrastructure.get().kafkaBootstrapServers();
    private Admin admin;
    private CatalogReplicaReadiness readiness;

    @BeforeEach
    void createTopic() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        readiness = new CatalogReplicaReadiness(
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), topic, () -> group);
    }

    @AfterEach
    void close() {
        readiness.destroy();
        admin.close();
    }

    @Test
    void is_out_of_service_until_the_group_has_committed_the_ends_of_every_partition_then_stays_up() throws Exception {
        publish("KB-001", "MS-002", "MN-003", "HB-004", "CB-005", "LS-006");

        assertThat(readiness.health().getStatus()).as("nothing consumed").isEqualTo(Status.OUT_OF_SERVICE);
        commitEnds();
        publish("KB-001");

        assertThat(readiness.health().getStatus()).as("the ends of the first probe committed").isEqualTo(Status.UP);
        assertThat(readiness.health().getStatus()).as("later changes are lag, not unreadiness").isEqualTo(Status.UP);
    }

    @Test
    void an_empty_catalog_has_nothing_to_wait_for_until_its_first_products_arrive() throws Exception {
        assertThat(readiness.health().getStatus()).as("an empty topic").isEqualTo(Status.UP);

        publish("KB-001", "MS-002");

        assertThat(readiness.health().getStatus()).as("the first products, not consumed yet")
                .isEqualTo(Status.OUT_OF_SERVICE);
        commitEnds();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    private void publish(String... skus) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer())) {
            for (String sku : skus) {
                producer.send(new ProducerRecord<>(topic, sku, "{}")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Commits for the group what a consumer that stored every record so far would. */
    private void commitEnds() throws Exception {
        List<TopicPartition> partitions = List.of(0, 1, 2).stream()
                .map(partition -> new TopicPartition(topic, partition)).toList();
        Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
        admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
    }
}
