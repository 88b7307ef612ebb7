package dev.eventshop.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.deployment.k8s.NetworkPolicies.Allowance;
import dev.eventshop.deployment.k8s.NetworkPolicies.Endpoint;
import dev.eventshop.deployment.k8s.NetworkPolicies.Pod;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the NetworkPolicies let through, evaluated for the pods the manifests create and those the operators create
 * from them. Traffic into the Kafka nodes is governed by the policy Strimzi writes from the listener's peers, which
 * {@link KafkaTest} checks; everything else is in the rendered policies.
 */
class NetworkPolicyTest {

    private static final String NAMESPACE = "eventshop";

    /** A pod somewhere else in the cluster, as an ingress controller is. */
    private static final Pod ELSEWHERE = new Pod("ingress", Map.of("app.kubernetes.io/name", "ingress-controller"));

    static Stream<Arguments> everyServiceOfEveryOverlay() {
        return ServiceDeploymentTest.everyServiceOfEveryOverlay();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theNamespaceDeniesAllTrafficThatNoPolicyAllows(Overlay overlay) {
        assertThat(overlay.manifests().all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isEmpty();
            assertThat(policy.getSpec().getEgress()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPolicyNamesTheDirectionsItGoverns(Overlay overlay) {
        // Without policyTypes, Kubernetes infers them from the rules present, which is easy to misread.
        assertThat(overlay.manifests().all(NetworkPolicy.class))
                .allSatisfy(policy -> assertThat(policy.getSpec().getPolicyTypes()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceMayReachKafkaPostgresTheCollectorAndDns(Overlay overlay, EventshopService service) {
        NetworkPolicies policies = policies(overlay);
        Pod pod = podOf(overlay, service);
        List<Allowance> egress = policies.egressOf(pod).orElseThrow();

        // The Kafka node's side is Strimzi's policy (see the class comment): only the sending side is checked here.
        assertThat(egress).anyMatch(allowance -> allowance.allows(kafkaBroker(overlay)));
        for (Endpoint endpoint : List.of(postgresPrimary(overlay), endpointOf(overlay, "otel-collector"),
                dns("UDP"), dns("TCP"))) {
            assertThat(policies.mayConnect(pod, endpoint)).as(endpoint.toString()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceMaySendNothingElse(Overlay overlay, EventshopService service) {
        List<Endpoint> needed = needs(overlay, service);

        assertThat(policies(overlay).egressOf(podOf(overlay, service)).orElseThrow())
                .allSatisfy(allowance -> assertThat(needed)
                        .as("%s allows %s on %s", allowance.policy().getMetadata().getName(), allowance.peer(),
                                allowance.port())
                        .anyMatch(allowance::allows));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void onlyTheEmailServiceMayReachTheMailRelay(Overlay overlay, EventshopService service) {
        int smtp = Integer.parseInt(new ServiceWorkloads(EventshopService.EMAIL, overlay.manifests()).environment()
                .get("SPRING_MAIL_PORT"));

        assertThat(policies(overlay).mayConnect(podOf(overlay, service), new Endpoint(Pod.OUTSIDE, "TCP", smtp)))
                .isEqualTo(service == EventshopService.EMAIL);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceOfEveryOverlay")
    void everyServiceAcceptsConnectionsOnItsHttpPortOnly(Overlay overlay, EventshopService service) {
        NetworkPolicies policies = policies(overlay);
        Endpoint http = endpointOf(overlay, service.serviceName());

        assertThat(http.port()).isEqualTo(service.port());
        assertThat(policies.mayConnect(ELSEWHERE, http)).isTrue();
        assertThat(policies.ingressOf(http.pod()).orElseThrow())
                .allSatisfy(allowance -> assertThat(allowance.port().getPort().getIntVal()).isEqualTo(http.port()));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheServicesTheInstancesAndTheOperatorMayConnectToPostgres(Overlay overlay) {
        NetworkPolicies policies = policies(overlay);
        Endpoint postgres = postgresPrimary(overlay);

        assertThat(overlay.manifests().all(Deployment.class)).allSatisfy(deployment -> assertThat(
                policies.mayConnect(podOf(deployment), postgres))
                .as(deployment.getMetadata().getName())
                .isEqualTo(EventshopService.named(deployment.getMetadata().getName()).isPresent()));
        assertThat(policies.mayConnect(ELSEWHERE, postgres)).isFalse();
        // Replicas stream from the primary; the operator asks each instance for its status.
        Pod replica = new Pod(NAMESPACE, Map.of("cnpg.io/cluster", postgres.pod().labels().get("cnpg.io/cluster"),
                "cnpg.io/podRole", "instance", "cnpg.io/instanceRole", "replica"));
        assertThat(policies.mayConnect(replica, postgres)).isTrue();
        assertThat(policies.mayConnect(OperatorPods.cnpgOperator(), new Endpoint(postgres.pod(), "TCP", 8000)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theCollectorTakesTelemetryFromTheServicesAndPassesItToTheBackendOnly(Overlay overlay) {
        NetworkPolicies policies = policies(overlay);
        Endpoint collector = endpointOf(overlay, "otel-collector");
        Endpoint backend = endpointOf(overlay, "lgtm", "otlp-http");

        assertThat(policies.mayConnect(collector.pod(), backend)).isTrue();
        assertThat(policies.mayConnect(ELSEWHERE, collector)).isFalse();
        assertThat(policies.mayConnect(ELSEWHERE, backend)).isFalse();
        assertThat(policies.mayConnect(collector.pod(), postgresPrimary(overlay))).isFalse();
        assertThat(policies.mayConnect(collector.pod(), new Endpoint(Pod.OUTSIDE, "TCP", 443))).isFalse();
    }

    /** Everything a service needs to reach. */
    private static List<Endpoint> needs(Overlay overlay, EventshopService service) {
        List<Endpoint> needed = new ArrayList<>(List.of(kafkaBroker(overlay), postgresPrimary(overlay),
                endpointOf(overlay, "otel-collector"), dns("UDP"), dns("TCP")));
        if (service == EventshopService.EMAIL) {
            String port = new ServiceWorkloads(service, overlay.manifests()).environment().get("SPRING_MAIL_PORT");
            needed.add(new Endpoint(Pod.OUTSIDE, "TCP", Integer.parseInt(port)));
        }
        return needed;
    }

    private static NetworkPolicies policies(Overlay overlay) {
        return new NetworkPolicies(overlay.manifests().all(NetworkPolicy.class).toList());
    }

    private static Pod podOf(Overlay overlay, EventshopService service) {
        return podOf(new ServiceWorkloads(service, overlay.manifests()).deployment());
    }

    private static Pod podOf(Deployment deployment) {
        return new Pod(deployment.getMetadata().getNamespace(),
                deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    private static Endpoint endpointOf(Overlay overlay, String service) {
        return endpointOf(overlay, service, null);
    }

    /** The pod port behind a Service's port (its only port, or the one of that name), as a policy sees it. */
    private static Endpoint endpointOf(Overlay overlay, String serviceName, String portName) {
        Manifests manifests = overlay.manifests();
        Service service = manifests.get(Service.class, serviceName);
        ServicePort port = service.getSpec().getPorts().stream()
                .filter(candidate -> portName == null || portName.equals(candidate.getName()))
                .reduce((first, second) -> {
                    throw new AssertionError(serviceName + " has several ports: name one");
                })
                .orElseThrow();
        Deployment deployment = manifests.all(Deployment.class)
                .filter(candidate -> candidate.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(service.getSpec().getSelector().entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment behind " + serviceName));
        int number = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(container -> container.getPorts().stream())
                .filter(candidate -> candidate.getName().equals(port.getTargetPort().getStrVal()))
                .mapToInt(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(serviceName + " targets no named container port"));
        return new Endpoint(podOf(deployment), "TCP", number);
    }

    private static Endpoint kafkaBroker(Overlay overlay) {
        Kafka kafka = overlay.manifests().all(Kafka.class).findFirst().orElseThrow();
        KafkaNodePool pool = overlay.manifests().all(KafkaNodePool.class).findFirst().orElseThrow();
        return new Endpoint(OperatorPods.kafkaBroker(kafka, pool), "TCP",
                kafka.getSpec().getKafka().getListeners().getFirst().getPort());
    }

    private static Endpoint postgresPrimary(Overlay overlay) {
        return new Endpoint(OperatorPods.postgresPrimary(overlay.manifests().cnpg("Cluster").findFirst().orElseThrow()),
                "TCP", 5432);
    }

    private static Endpoint dns(String protocol) {
        return new Endpoint(OperatorPods.dns(), protocol, 53);
    }
}
