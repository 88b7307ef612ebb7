package dev.eventshop.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaClusterSpec;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Kafka cluster, its nodes and its topics, as Strimzi is asked to run them. */
class KafkaTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theKafkaTopicsAreTheSystemsTopics(Overlay overlay) {
        Map<String, KafkaTopicSpec> topics = topics(overlay.manifests());

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        for (Topic topic : Topics.ALL) {
            KafkaTopicSpec spec = topics.get(topic.name());
            Map<String, String> config = stringValues(spec.getConfig());
            assertThat(spec.getPartitions()).as(topic.name()).isEqualTo(topic.partitions());
            if (topic.compacted()) {
                assertThat(config).as(topic.name())
                        .containsEntry("cleanup.policy", "compact")
                        .doesNotContainKey("retention.ms");
            } else {
                // Kept for good: the analytics-service rebuilds its read models from the start of every topic.
                assertThat(config).as(topic.name())
                        .containsEntry("retention.ms", "-1")
                        .doesNotContainKey("cleanup.policy");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicBelongsToTheKafkaCluster(Overlay overlay) {
        String cluster = kafka(overlay).getMetadata().getName();

        assertThat(overlay.manifests().all(KafkaTopic.class))
                .allSatisfy(topic -> assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                        cluster));
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PRODUCTION"})
    void replicatedTopicsHaveThreeReplicasAndAcknowledgeWritesOnTwo(Overlay overlay) {
        assertReplication(overlay, 3, 2);
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "LAPTOP")
    void theLaptopKeepsTheOneReplicaItsOneNodeCanHold(Overlay overlay) {
        assertReplication(overlay, 1, 1);
    }

    private static void assertReplication(Overlay overlay, int replicas, int minInSync) {
        Map<String, String> broker = stringValues(kafka(overlay).getSpec().getKafka().getConfig());

        assertThat(topics(overlay.manifests()).values()).allSatisfy(topic -> {
            assertThat(topic.getReplicas()).isEqualTo(replicas);
            assertThat(stringValues(topic.getConfig())).containsEntry("min.insync.replicas", String.valueOf(minInSync));
        });
        // The defaults of every other topic: the retry and dead-letter topics, and Kafka's own.
        assertThat(broker)
                .containsEntry("default.replication.factor", String.valueOf(replicas))
                .containsEntry("min.insync.replicas", String.valueOf(minInSync))
                .containsEntry("offsets.topic.replication.factor", String.valueOf(replicas))
                .containsEntry("transaction.state.log.replication.factor", String.valueOf(replicas))
                .containsEntry("transaction.state.log.min.isr", String.valueOf(minInSync));
        assertThat(brokers(overlay)).isGreaterThanOrEqualTo(replicas);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theServicesCreateTheirRetryTopicsReplicatedLikeTheSystemsTopics(Overlay overlay) {
        int replicas = topics(overlay.manifests()).get(Topics.ORDER_EVENTS.name()).getReplicas();

        for (EventshopService service : EventshopService.values()) {
            assertThat(new ServiceWorkloads(service, overlay.manifests()).environment())
                    .as(service.serviceName())
                    .containsEntry("EVENTSHOP_MESSAGING_TOPICS_REPLICATION_FACTOR", String.valueOf(replicas));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaRunsInKRaftModeOnNodesThatAreBothControllersAndBrokers(Overlay overlay) {
        KafkaNodePool pool = nodePool(overlay);

        assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka(overlay).getMetadata().getName());
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getSpec().getReplicas()).isEqualTo(overlay.replicated() ? 3 : 1);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theBrokersRunTheKafkaVersionTheServicesAreBuiltWith(Overlay overlay) throws IOException {
        Matcher property = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(Repository.path("pom.xml")));
        assertThat(property.find()).as("kafka.version in the root pom.xml").isTrue();
        String version = property.group(1);
        KafkaClusterSpec cluster = kafka(overlay).getSpec().getKafka();

        assertThat(cluster.getVersion()).isEqualTo(version);
        assertThat(cluster.getMetadataVersion()).startsWith(version.substring(0, version.lastIndexOf('.')) + "-IV");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheServicesMayConnectToTheKafkaListener(Overlay overlay) {
        GenericKafkaListener listener = kafka(overlay).getSpec().getKafka().getListeners().getFirst();

        assertThat(kafka(overlay).getSpec().getKafka().getListeners()).singleElement();
        assertThat(listener.isTls()).isFalse();
        assertThat(overlay.manifests().all(Deployment.class)).allSatisfy(deployment -> {
            Map<String, String> pod = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean service = EventshopService.named(deployment.getMetadata().getName()).isPresent();
            boolean admitted = listener.getNetworkPolicyPeers().stream()
                    .anyMatch(peer -> peer.getNamespaceSelector() == null
                            && NetworkPolicies.matches(peer.getPodSelector(), pod));
            assertThat(admitted).as(deployment.getMetadata().getName()).isEqualTo(service);
        });
    }

    private static Kafka kafka(Overlay overlay) {
        return overlay.manifests().all(Kafka.class).reduce((first, second) -> {
            throw new AssertionError("more than one Kafka cluster");
        }).orElseThrow(() -> new AssertionError("no Kafka cluster"));
    }

    private static KafkaNodePool nodePool(Overlay overlay) {
        return overlay.manifests().all(KafkaNodePool.class).reduce((first, second) -> {
            throw new AssertionError("more than one node pool");
        }).orElseThrow(() -> new AssertionError("no node pool"));
    }

    private static int brokers(Overlay overlay) {
        return nodePool(overlay).getSpec().getReplicas();
    }

    /** The topics by the name they have in Kafka: the resource's name unless it names another. */
    private static Map<String, KafkaTopicSpec> topics(Manifests manifests) {
        return manifests.all(KafkaTopic.class).collect(Collectors.toMap(
                topic -> topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                        : topic.getMetadata().getName(),
                KafkaTopic::getSpec));
    }

    /** Kafka settings as written, whether YAML read them as numbers, booleans or text. */
    private static Map<String, String> stringValues(Map<String, Object> config) {
        return config.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> String.valueOf(entry.getValue())));
    }
}
