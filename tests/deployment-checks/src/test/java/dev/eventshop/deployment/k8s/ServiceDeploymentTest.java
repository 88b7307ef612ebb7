package dev.eventshop.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventshop.events.Topic;
import dev.eventshop.events.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How each of the five services is deployed, in the base and in each overlay. */
class ServiceDeploymentTest {

    /** Where the services send their telemetry: the variables and values the telemetry set-up reads. */
    private static final Map<String, String> TELEMETRY = Map.of(
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces",
            "MANAGEMENT_OPENTELEMETRY_LOGGING_EXPORT_OTLP_ENDPOINT", "http://otel-collector:4318/v1/logs",
            "OTLP_METRICS_EXPORT_ENABLED", "true",
            "MANAGEMENT_OTLP_METRICS_EXPORT_URL", "http://otel-collector:4318/v1/metrics");

    static Stream<Arguments> everyServiceOfEveryOverlay() {
        return Stream.of(Overlay.values()).flatMap(overlay -> Stream.of(EventshopService.values())
                .map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceHasADeploymentAServiceADisruptionBudgetAnAutoscalerAndANetworkPolicy(Overlay overlay,
            EventshopService service) {
        Manifests manifests = overlay.manifests();
        ServiceWorkloads workloads = new ServiceWorkloads(service, manifests);
        Map<String, String> pod = workloads.podLabels();
        String name = service.serviceName();

        assertThat(manifests.get(Service.class, name).getSpec().getSelector())
                .isEqualTo(workloads.deployment().getSpec().getSelector().getMatchLabels());
        assertThat(NetworkPolicies.matches(manifests.get(PodDisruptionBudget.class, name).getSpec().getSelector(), pod))
                .isTrue();
        assertThat(manifests.get(HorizontalPodAutoscaler.class, name).getSpec().getScaleTargetRef())
                .satisfies(target -> assertThat(target.getKind()).isEqualTo("Deployment"))
                .satisfies(target -> assertThat(target.getName()).isEqualTo(name));
        assertThat(NetworkPolicies.matches(manifests.get(NetworkPolicy.class, name).getSpec().getPodSelector(), pod))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceRunsItsOwnImage(Overlay overlay, EventshopService service) {
        // Under any registry an overlay's images: stanza may put in front.
        assertThat(new ServiceWorkloads(service, overlay.manifests()).container().getImage())
                .containsPattern("(^|/)eventshop/" + service.serviceName() + "[:@]");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceListensOnThePortItsApplicationYmlNames(Overlay overlay, EventshopService service) {
        ServiceWorkloads workloads = new ServiceWorkloads(service, overlay.manifests());
        ServicePort servicePort = overlay.manifests().get(Service.class, service.serviceName()).getSpec().getPorts()
                .getFirst();

        assertThat(workloads.container().getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(tuple("http", service.port()));
        assertThat(workloads.environment()).containsEntry("SERVER_PORT", String.valueOf(service.port()));
        assertThat(servicePort.getPort()).isEqualTo(service.port());
        assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceIsProbedOnItsActuatorHealthGroups(Overlay overlay, EventshopService service) {
        Container container = new ServiceWorkloads(service, overlay.manifests()).container();

        assertProbes(container.getReadinessProbe(), "/actuator/health/readiness");
        assertProbes(container.getLivenessProbe(), "/actuator/health/liveness");
        // Liveness is not checked until the service has started, however long that takes.
        assertProbes(container.getStartupProbe(), "/actuator/health/liveness");
    }

    private static void assertProbes(Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceRequestsAndIsLimitedInCpuAndMemory(Overlay overlay, EventshopService service) {
        ResourceRequirements resources = new ServiceWorkloads(service, overlay.manifests()).container().getResources();

        for (String resource : new String[] {"cpu", "memory"}) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertThat(request).as(resource + " request").isNotNull();
            assertThat(limit).as(resource + " limit").isNotNull();
            assertThat(request.getNumericalAmount()).as(resource).isLessThanOrEqualTo(limit.getNumericalAmount());
        }
        // A JVM cannot give memory back once the heap has grown: what it may use is what it is given.
        assertThat(resources.getRequests().get("memory")).isEqualTo(resources.getLimits().get("memory"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceRunsAsNonRootWithAReadOnlyRootFilesystem(Overlay overlay, EventshopService service) {
        ServiceWorkloads workloads = new ServiceWorkloads(service, overlay.manifests());
        PodSpec pod = workloads.deployment().getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = workloads.container().getSecurityContext();

        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isPositive();
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isEmpty();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceWritesOnlyToAnEmptyDirAtTmp(Overlay overlay, EventshopService service) {
        ServiceWorkloads workloads = new ServiceWorkloads(service, overlay.manifests());
        Map<String, Volume> volumes = workloads.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, Function.identity()));

        assertThat(workloads.container().getVolumeMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(volumes.get(mount.getName()).getEmptyDir()).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceReadsItsSettingsFromConfigMapsAndItsDatabaseCredentialsFromASecret(Overlay overlay,
            EventshopService service) {
        Manifests manifests = overlay.manifests();
        Map<String, String> environment = new ServiceWorkloads(service, manifests).environment();
        Kafka kafka = manifests.all(Kafka.class).findFirst().orElseThrow();
        String cluster = manifests.cnpg("Cluster").findFirst().orElseThrow().getMetadata().getName();
        String credentials = service.serviceName() + "-db";

        assertThat(environment)
                .containsAllEntriesOf(TELEMETRY)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.getMetadata().getName() + "-kafka-bootstrap:"
                        + kafka.getSpec().getKafka().getListeners().getFirst().getPort())
                // The read-write Service: always the primary.
                .containsEntry("SPRING_DATASOURCE_URL",
                        "jdbc:postgresql://" + cluster + "-rw:5432/" + service.database())
                .containsEntry("SPRING_DATASOURCE_USERNAME", "secret:" + credentials + "/username")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret:" + credentials + "/password");
        if (service == EventshopService.EMAIL) {
            assertThat(environment).containsKeys("SPRING_MAIL_HOST", "SPRING_MAIL_PORT");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PRODUCTION"})
    void replicatedOverlaysRunEveryServiceAtLeastTwice(Overlay overlay) {
        for (EventshopService service : EventshopService.values()) {
            assertThat(new ServiceWorkloads(service, overlay.manifests()).deployment().getSpec().getReplicas())
                    .as(service.serviceName())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "LAPTOP")
    void theLaptopRunsEveryServiceOnce(Overlay overlay) {
        for (EventshopService service : EventshopService.values()) {
            assertThat(new ServiceWorkloads(service, overlay.manifests()).deployment().getSpec().getReplicas())
                    .as(service.serviceName())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyAutoscalerStartsAtTheDeploymentsReplicasAndStopsWhereThePartitionsRunOut(Overlay overlay,
            EventshopService service) {
        HorizontalPodAutoscalerSpec autoscaler = overlay.manifests()
                .get(HorizontalPodAutoscaler.class, service.serviceName()).getSpec();
        int replicas = new ServiceWorkloads(service, overlay.manifests()).deployment().getSpec().getReplicas();
        int partitions = Topics.ALL.stream().mapToInt(Topic::partitions).min().orElseThrow();

        assertThat(autoscaler.getMinReplicas()).isEqualTo(replicas);
        assertThat(autoscaler.getMaxReplicas()).isBetween(replicas, partitions);
    }
}
