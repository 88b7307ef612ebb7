package dev.eventshop.deployment.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The objects of one rendering, each parsed into its typed model: fabric8's for Kubernetes' own kinds, Strimzi's for
 * Kafka, KafkaNodePool and KafkaTopic. CloudNativePG publishes no Java model, so its Cluster and Database stay generic
 * resources, read as maps.
 */
record Manifests(List<HasMetadata> objects) {

    static final String CNPG = "postgresql.cnpg.io/v1";

    /** The kinds that are expected to have no typed model. */
    private static final Set<String> UNTYPED = Set.of(CNPG + " Cluster", CNPG + " Database");

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---$");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        // Strimzi's model does not announce its kinds to fabric8 (no service-loader entry): they are registered here.
        SERIALIZATION.registerKubernetesResource(Kafka.class);
        SERIALIZATION.registerKubernetesResource(KafkaNodePool.class);
        SERIALIZATION.registerKubernetesResource(KafkaTopic.class);
    }

    static Manifests parse(String yaml) {
        return new Manifests(DOCUMENT_SEPARATOR.splitAsStream(yaml)
                .filter(document -> !document.isBlank())
                .map(document -> SERIALIZATION.<HasMetadata>unmarshal(document))
                .toList());
    }

    /** Whether the object's kind has no typed model although it should have one. */
    static boolean isUnknownKind(HasMetadata object) {
        return object instanceof GenericKubernetesResource && !UNTYPED.contains(kindOf(object));
    }

    static String kindOf(HasMetadata object) {
        return object.getApiVersion() + " " + object.getKind();
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(
                () -> new AssertionError("no " + type.getSimpleName() + " named " + name + " is rendered"));
    }

    /** The CloudNativePG resources of a kind, as generic resources. */
    Stream<GenericKubernetesResource> cnpg(String kind) {
        return all(GenericKubernetesResource.class)
                .filter(object -> object.getApiVersion().equals(CNPG) && object.getKind().equals(kind));
    }

    /** A field of a generic resource by its path, e.g. {@code spec.storage.size}; empty when any step is missing. */
    static Optional<Object> field(GenericKubernetesResource resource, String path) {
        Object current = resource.getAdditionalProperties();
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.ofNullable(current);
    }
}
