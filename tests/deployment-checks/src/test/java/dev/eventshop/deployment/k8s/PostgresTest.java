package dev.eventshop.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CloudNativePG cluster and its databases. CloudNativePG publishes no Java model, so these are read as maps,
 * field by field.
 */
class PostgresTest {

    /** Connections PostgreSQL keeps for superusers beyond every other's reach (its default). */
    private static final int RESERVED_FOR_SUPERUSERS = 3;

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theClusterDeclaresTheFiveDatabasesEachOwnedByItsServicesRole(Overlay overlay) {
        String cluster = cluster(overlay).getMetadata().getName();
        List<GenericKubernetesResource> databases = overlay.manifests().cnpg("Database").toList();

        assertThat(databases)
                .allSatisfy(database -> assertThat(text(database, "spec.cluster.name")).isEqualTo(cluster));
        assertThat(databases.stream().collect(Collectors.toMap(database -> text(database, "spec.name"),
                database -> text(database, "spec.owner"))))
                .isEqualTo(everyService(EventshopService::database, EventshopService::role));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRoleLogsInWithTheSecretItsServiceReads(Overlay overlay) {
        List<Map<String, Object>> roles = list(cluster(overlay), "spec.managed.roles");

        assertThat(roles.stream().collect(Collectors.toMap(role -> (String) role.get("name"),
                role -> (String) ((Map<?, ?>) role.get("passwordSecret")).get("name"))))
                .isEqualTo(everyService(EventshopService::role, service -> service.serviceName() + "-db"));
        assertThat(roles).allSatisfy(role -> {
            assertThat(role).containsEntry("login", true).containsEntry("ensure", "present");
            assertThat(role).doesNotContainKeys("superuser", "createdb", "createrole", "replication", "bypassrls");
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theBootstrapCreatesOneOfTheFiveDatabasesForItsOwner(Overlay overlay) {
        GenericKubernetesResource cluster = cluster(overlay);
        String database = text(cluster, "spec.bootstrap.initdb.database");
        EventshopService service = Stream.of(EventshopService.values())
                .filter(candidate -> candidate.database().equals(database))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the bootstrap creates " + database + ", no service's"));

        assertThat(text(cluster, "spec.bootstrap.initdb.owner")).isEqualTo(service.role());
        assertThat(text(cluster, "spec.bootstrap.initdb.secret.name")).isEqualTo(service.serviceName() + "-db");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicatedOverlaysRunThreeInstancesAndTheLaptopOne(Overlay overlay) {
        assertThat(Manifests.field(cluster(overlay), "spec.instances")).contains(overlay.replicated() ? 3 : 1);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theClusterAcceptsEveryConnectionTheServicesMayOpenAtTheirMostReplicas(Overlay overlay) {
        int needed = Stream.of(EventshopService.values())
                .mapToInt(service -> service.connectionPoolSize() * overlay.manifests()
                        .get(HorizontalPodAutoscaler.class, service.serviceName()).getSpec().getMaxReplicas())
                .sum();

        assertThat(Integer.parseInt(text(cluster(overlay), "spec.postgresql.parameters.max_connections")))
                .isGreaterThanOrEqualTo(needed + RESERVED_FOR_SUPERUSERS);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theClusterDeclaresItsStorageAndResources(Overlay overlay) {
        GenericKubernetesResource cluster = cluster(overlay);

        assertThat(Manifests.field(cluster, "spec.storage.size")).isPresent();
        assertThat(Manifests.field(cluster, "spec.resources.requests.memory")).isPresent();
        assertThat(Manifests.field(cluster, "spec.resources.limits.memory")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PRODUCTION"})
    void noCredentialsAreCommittedForARealCluster(Overlay overlay) {
        assertThat(overlay.manifests().all(Secret.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "LAPTOP")
    void theLaptopGeneratesADevelopmentSecretForEveryRole(Overlay overlay) {
        Map<String, Secret> secrets = overlay.manifests().all(Secret.class)
                .collect(Collectors.toMap(secret -> secret.getMetadata().getName(), Function.identity()));

        assertThat(secrets).hasSize(EventshopService.values().length);
        for (EventshopService service : EventshopService.values()) {
            Secret secret = secrets.get(service.serviceName() + "-db");
            assertThat(secret).as(service.serviceName()).isNotNull();
            assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
            // CloudNativePG takes the role's password from a Secret whose username is the role.
            assertThat(decoded(secret, "username")).isEqualTo(service.role());
            assertThat(decoded(secret, "password")).isNotBlank();
        }
    }

    private static GenericKubernetesResource cluster(Overlay overlay) {
        return overlay.manifests().cnpg("Cluster").reduce((first, second) -> {
            throw new AssertionError("more than one PostgreSQL cluster");
        }).orElseThrow(() -> new AssertionError("no PostgreSQL cluster"));
    }

    private static Map<String, String> everyService(Function<EventshopService, String> key,
            Function<EventshopService, String> value) {
        return Stream.of(EventshopService.values()).collect(Collectors.toMap(key, value));
    }

    private static String text(GenericKubernetesResource resource, String path) {
        return String.valueOf(Manifests.field(resource, path)
                .orElseThrow(() -> new AssertionError(Manifests.describe(resource) + " has no " + path)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(GenericKubernetesResource resource, String path) {
        return (List<Map<String, Object>>) Manifests.field(resource, path)
                .orElseThrow(() -> new AssertionError(Manifests.describe(resource) + " has no " + path));
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
